package io.litj.protocol.acc;

import java.util.Optional;

/**
 * The comparator of a {@code returnValueTest}: the eight a Datil node evaluates ({@code lit-node-behaviour.md}
 * §6.3). The JS SDK's schemas ({@code @lit-protocol/accs-schemas} 0.0.36) list only six of them; see
 * {@link #inJsSdkSchema()}.
 */
public enum ValueComparator {
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    CONTAINS("contains"),
    NOT_CONTAINS("!contains");

    private final String value;

    ValueComparator(String value) {
        this.value = value;
    }

    /** The wire string, e.g. {@code >=}. */
    public String value() {
        return value;
    }

    /** False for {@code !=} and {@code !contains}, which the JS SDK's schema validation refuses before encrypting. */
    public boolean inJsSdkSchema() {
        return this != NOT_EQUAL && this != NOT_CONTAINS;
    }

    /** The comparator with exactly this spelling. */
    public static Optional<ValueComparator> of(String value) {
        return WireNames.find(values(), ValueComparator::value, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
