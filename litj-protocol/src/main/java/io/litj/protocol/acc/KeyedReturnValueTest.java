package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/**
 * The test of an EVM-contract or Solana condition: {@code {"key":…,"comparator":…,"value":…}}, where {@code key}
 * names the output (or JSON path) compared; an empty key means the whole result.
 */
public record KeyedReturnValueTest(String key, ValueComparator comparator, String value) {
    private static final Set<String> FIELDS = Set.of("key", "comparator", "value");

    public KeyedReturnValueTest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(value, "value");
    }

    static KeyedReturnValueTest read(ConditionFields parent) {
        ConditionFields f = parent.nested("returnValueTest", FIELDS);
        return new KeyedReturnValueTest(f.string("key"), f.comparator(), f.string("value"));
    }

    JsonValue.JsonObject canonical() {
        return JsonValue.object().put("key", key).put("comparator", comparator.value()).put("value", value).build();
    }
}
