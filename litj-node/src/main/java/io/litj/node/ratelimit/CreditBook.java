package io.litj.node.ratelimit;

import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.Registry;
import io.litj.protocol.crypto.EthAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry's capacity credits as the rate limiter reads them: a credit (by id) or an owner's credits found in
 * the registry are trusted for {@code ttl} (by the injected clock), then read again; what was not found is never
 * remembered, so a credit minted a moment ago counts at once. At most {@value #MAX_ENTRIES} entries of each kind
 * (least recently used go first). Thread-safe.
 */
final class CreditBook {
    static final int MAX_ENTRIES = 10_000;

    private final Registry registry;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Timed<CapacityCredit>> byId = lru();
    private final Map<EthAddress, Timed<List<CapacityCredit>>> byOwner = lru();

    private record Timed<T>(T value, Instant until) {
    }

    CreditBook(Registry registry, Clock clock, Duration ttl) {
        this.registry = registry;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The credit with this token id, if the registry lists it. */
    Optional<CapacityCredit> credit(String tokenId) {
        return Optional.ofNullable(cached(byId, tokenId, id -> registry.capacityCredit(id).orElse(null)));
    }

    /** The credits {@code owner} holds (empty when none). */
    List<CapacityCredit> ownedBy(EthAddress owner) {
        List<CapacityCredit> found = cached(byOwner, owner, o -> {
            List<CapacityCredit> list = registry.capacityCreditsOwnedBy(o);
            return list.isEmpty() ? null : list;
        });
        return found == null ? List.of() : found;
    }

    private <K, V> V cached(Map<K, Timed<V>> map, K key, Function<K, V> read) {
        Instant now = clock.instant();
        if (!ttl.isZero()) {
            synchronized (map) {
                Timed<V> hit = map.get(key);
                if (hit != null && now.isBefore(hit.until())) {
                    return hit.value();
                }
            }
        }
        V value = read.apply(key);
        if (value != null && !ttl.isZero()) {
            synchronized (map) {
                map.put(key, new Timed<>(value, now.plus(ttl)));
            }
        }
        return value;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
