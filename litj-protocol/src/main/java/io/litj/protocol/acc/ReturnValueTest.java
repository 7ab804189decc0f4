package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/** The test of a basic EVM condition: {@code {"comparator":…,"value":…}} (no key). */
public record ReturnValueTest(ValueComparator comparator, String value) {
    private static final Set<String> FIELDS = Set.of("comparator", "value");

    public ReturnValueTest {
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(value, "value");
    }

    static ReturnValueTest read(ConditionFields parent) {
        ConditionFields f = parent.nested("returnValueTest", FIELDS);
        return new ReturnValueTest(f.comparator(), f.string("value"));
    }

    JsonValue.JsonObject canonical() {
        return JsonValue.object().put("comparator", comparator.value()).put("value", value).build();
    }
}
