package io.litj.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionStore} in memory: sessions last as long as this object. The default store of a
 * {@link LitClient}, so that nothing secret reaches the disk unless the caller chose a {@link FileSessionStore}.
 *
 * <p>Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<SessionStoreKey, StoredSession> entries = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemorySessionStore() {
    }

    @Override
    public Optional<StoredSession> load(SessionStoreKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void save(SessionStoreKey key, StoredSession session) {
        entries.put(key, session);
    }

    @Override
    public void clear(SessionStoreKey key) {
        entries.remove(key);
    }

    @Override
    public void clearAll() {
        entries.clear();
    }

    @Override
    public List<SessionStoreKey> keys() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public String toString() {
        return "InMemorySessionStore[entries=" + entries.size() + "]";
    }
}
