package io.litj.node.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ActionStore} in memory, bounded by total source size (least recently used evicted). Thread-safe.
 */
public final class MemoryActionStore implements ActionStore {
    private final long maxTotalChars;
    private final LinkedHashMap<String, String> byCid = new LinkedHashMap<>(16, 0.75f, true);
    private long totalChars;

    public MemoryActionStore(long maxTotalChars) {
        this.maxTotalChars = maxTotalChars;
    }

    @Override
    public synchronized void remember(String cid, String code) {
        if (code.length() > maxTotalChars) {
            return;
        }
        String previous = byCid.put(cid, code);
        totalChars += code.length() - (previous == null ? 0 : previous.length());
        var it = byCid.entrySet().iterator();
        while (totalChars > maxTotalChars && it.hasNext()) {
            Map.Entry<String, String> eldest = it.next();
            totalChars -= eldest.getValue().length();
            it.remove();
        }
    }

    @Override
    public synchronized Optional<String> find(String cid) {
        return Optional.ofNullable(byCid.get(cid));
    }
}
