package io.litj.node.acc;

import java.util.List;
import java.util.Objects;

/**
 * What a condition read from its chain (or from the request), as text: one value, or the elements of an array
 * output. Numbers are decimal, addresses and bytes {@code 0x} hex, booleans {@code true}/{@code false}.
 *
 * @param values the value, or the array's elements
 * @param array  true for an array output
 */
record Observed(List<String> values, boolean array) {
    Observed {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (!array && values.size() != 1) {
            throw new IllegalArgumentException("a single value holds exactly one value");
        }
    }

    static Observed single(String value) {
        return new Observed(List.of(value), false);
    }

    static Observed list(List<String> values) {
        return new Observed(values, true);
    }

    String single() {
        return values.getFirst();
    }
}
