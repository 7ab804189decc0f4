package io.litj.client.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Most- and least-common values, as the JS SDK's {@code mostCommonString}/{@code leastCommonString} pick them,
 * but deterministic: a tie goes to the value seen first in the input order.
 */
public final class Majority {
    private Majority() {
    }

    /** The most common value (ties: the first seen); empty for an empty list. */
    public static <T> Optional<T> mostCommon(List<T> values) {
        return pick(values, true);
    }

    /** The least common value (ties: the first seen); empty for an empty list. */
    public static <T> Optional<T> leastCommon(List<T> values) {
        return pick(values, false);
    }

    /** How often {@code value} occurs. */
    public static <T> int count(List<T> values, T value) {
        int n = 0;
        for (T v : values) {
            if (v.equals(value)) {
                n++;
            }
        }
        return n;
    }

    private static <T> Optional<T> pick(List<T> values, boolean most) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        for (T v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        T best = null;
        int bestCount = 0;
        for (Map.Entry<T, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (best == null || (most ? c > bestCount : c < bestCount)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return Optional.ofNullable(best);
    }
}
