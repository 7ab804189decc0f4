package io.litj.node.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from a chain, kept for a short time: an entry is served until {@code ttl} after it was read, by the
 * injected clock; an empty answer is never kept (what is not there yet may be minted a moment later). At most
 * {@code maxEntries} are kept; beyond that the cache starts over. Thread-safe; two threads missing at once may both
 * read.
 */
final class TtlCache<K, V> {
    private record Entry<V>(V value, Instant expires) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    TtlCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The kept value for {@code key}, or what {@code read} finds now (kept if present). */
    Optional<V> get(K key, Function<K, Optional<V>> read) {
        Instant now = clock.instant();
        Entry<V> kept = entries.get(key);
        if (kept != null && now.isBefore(kept.expires())) {
            return Optional.of(kept.value());
        }
        Optional<V> fresh = read.apply(key);
        if (fresh.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(fresh.get(), now.plus(ttl)));
        } else {
            entries.remove(key);
        }
        return fresh;
    }

    /** Forgets the entry of {@code key}. */
    void remove(K key) {
        entries.remove(key);
    }

    /** Forgets everything. */
    void clear() {
        entries.clear();
    }
}
