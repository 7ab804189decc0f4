package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;
import java.util.Optional;

/** The boolean operator entry {@code {"operator":"and"}} or {@code {"operator":"or"}}. */
public enum Operator implements ConditionNode {
    AND("and"),
    OR("or");

    private final String value;

    Operator(String value) {
        this.value = value;
    }

    /** The wire string, {@code and} or {@code or}. */
    public String value() {
        return value;
    }

    /** The operator with exactly this (lower-case) spelling. */
    public static Optional<Operator> of(String value) {
        return WireNames.find(values(), Operator::value, value);
    }

    /** {@code {"operator":"and"|"or"}}. */
    JsonValue.JsonObject canonical() {
        return JsonValue.object().put("operator", value).build();
    }
}
