package io.litj.node.peer.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the {@code (sender, nonce)} of every accepted envelope for as long as its timestamp is fresh, so that
 * a copy is refused. Bounded: at most {@code capacity} entries; when full, the oldest entry goes and its timestamp
 * becomes a floor at or below which every envelope is refused (it can no longer be told apart from a replay).
 * Thread-safe.
 */
final class ReplayGuard {
    private final long windowMillis;
    private final int capacity;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private long floorMillis = Long.MIN_VALUE;

    ReplayGuard(long windowMillis, int capacity) {
        this.windowMillis = windowMillis;
        this.capacity = capacity;
    }

    /** Records the envelope; false if it was seen before (or is too old to tell). */
    synchronized boolean firstSight(int sender, String nonce, long timestamp, long nowMillis) {
        long cutoff = nowMillis - windowMillis;
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() >= cutoff) {
                break;
            }
            it.remove();
        }
        if (timestamp <= floorMillis) {
            return false;
        }
        String key = sender + ":" + nonce;
        if (seen.containsKey(key)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
            floorMillis = Math.max(floorMillis, it.next().getValue());
            it.remove();
        }
        seen.put(key, timestamp);
        return true;
    }

    synchronized int size() {
        return seen.size();
    }
}
