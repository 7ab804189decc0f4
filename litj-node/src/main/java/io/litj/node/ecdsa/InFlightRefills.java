package io.litj.node.ecdsa;

import io.litj.threshold.ecdsa.Participants;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many presignatures this node's running refills will still add, per (PKP, signing set): stated in the
 * agreement round's offer ({@link OfferExchange}) so that the members do not start refills for what is already
 * being made. A pair leaves the map when its count is back to 0 (at most one entry per pair with a refill
 * running, and {@link PkpSigner#MAX_REFILLS} refills run at once). Thread-safe.
 */
final class InFlightRefills {
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    private static String key(String tokenId, Participants set) {
        return tokenId + '/' + PresignatureStore.setName(set);
    }

    /** The presignatures running refills of {@code (tokenId, set)} will still add. */
    int inFlight(String tokenId, Participants set) {
        return counts.getOrDefault(key(tokenId, set), 0);
    }

    /** Adds {@code delta} (negative: made or given up) to the pair's count; a count of 0 removes the pair. */
    void add(String tokenId, Participants set, int delta) {
        counts.compute(key(tokenId, set), (k, v) -> {
            int n = (v == null ? 0 : v) + delta;
            return n <= 0 ? null : n;
        });
    }
}
