package io.litj.protocol.acc;

import java.util.Optional;
import java.util.function.Function;

/** Finds the constant of a small wire enum by its exact spelling. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> spelling, String wire) {
        for (E e : values) {
            if (spelling.apply(e).equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
