package io.litj.protocol.auth.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded maps for the validator's caches: access-ordered, the least recently used entry evicted. */
final class LruMaps {
    private LruMaps() {
    }

    /** A map that keeps at most {@code capacity} entries (not thread-safe: callers synchronize). */
    static <K, V> LinkedHashMap<K, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
