package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Small builders for the canonical JSON of conditions. */
final class Canonical {
    private Canonical() {
    }

    static JsonValue.JsonArray strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(new JsonValue.JsonString(v));
        }
        return new JsonValue.JsonArray(out);
    }

    /** The canonical array of a list of entries; conditions are written as in a set of kind {@code kind}. */
    static JsonValue.JsonArray entries(List<ConditionNode> items, ConditionKind kind) {
        List<JsonValue> out = new ArrayList<>(items.size());
        for (ConditionNode item : items) {
            out.add(switch (item) {
                case Condition c -> c.canonical(kind == ConditionKind.UNIFIED);
                case Operator o -> o.canonical();
                case ConditionGroup g -> entries(g.items(), kind);
            });
        }
        return new JsonValue.JsonArray(out);
    }
}
