package io.litj.node.actions;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Source;

/**
 * The {@link Source}s of recently run action code, keyed by the code's content, so that GraalJS reuses the parse of
 * an action it has seen (a cached {@code Source} lets every context of the engine share the parsed code; the code's
 * state is per context, so nothing passes between executions). Bounded: at most {@code maxEntries} sources and
 * {@code maxTotalChars} characters of code, the least recently used evicted first; code longer than
 * {@code maxCodeChars} is parsed afresh each time and never kept. Thread-safe.
 */
final class SourceCache {
    private final int maxEntries;
    private final int maxCodeChars;
    private final long maxTotalChars;
    private final LinkedHashMap<String, Source> sources = new LinkedHashMap<>(16, 0.75f, true);
    private long totalChars;

    SourceCache(int maxEntries, int maxCodeChars, long maxTotalChars) {
        if (maxEntries < 1 || maxCodeChars < 0 || maxTotalChars < maxCodeChars) {
            throw new IllegalArgumentException("need maxEntries >= 1 and 0 <= maxCodeChars <= maxTotalChars");
        }
        this.maxEntries = maxEntries;
        this.maxCodeChars = maxCodeChars;
        this.maxTotalChars = maxTotalChars;
    }

    /** The source of {@code code} named {@code name}: the one built before for the same code, or a new one. */
    Source get(String code, String name) {
        if (code.length() > maxCodeChars) {
            return build(code, name, false);
        }
        synchronized (this) {
            Source known = sources.get(code);
            if (known != null && known.getName().equals(name)) {
                return known;
            }
        }
        Source source = build(code, name, true);
        synchronized (this) {
            Source previous = sources.put(code, source);
            totalChars += code.length() - (previous == null ? 0 : previous.getCharacters().length());
            evict();
        }
        return source;
    }

    /** Sources kept now. */
    synchronized int size() {
        return sources.size();
    }

    /** Characters of code kept now. */
    synchronized long totalChars() {
        return totalChars;
    }

    private void evict() {
        Iterator<Map.Entry<String, Source>> eldest = sources.entrySet().iterator();
        while ((sources.size() > maxEntries || totalChars > maxTotalChars) && eldest.hasNext()) {
            totalChars -= eldest.next().getKey().length();
            eldest.remove();
        }
    }

    private static Source build(String code, String name, boolean cached) {
        return Source.newBuilder("js", code, name).cached(cached).buildLiteral();
    }
}
