package io.litj.protocol.acc;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.string;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The condition sets of {@code vectors/litj/acc-condition-sets.json}, shared by the interop and fuzz tests. */
final class AccCases {
    /** One raw condition list of one kind, as a user gives it. */
    record Case(String id, ConditionKind kind, JsonValue conditions) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static List<Case> cases;

    private AccCases() {
    }

    static synchronized List<Case> all() {
        if (cases == null) {
            List<Case> out = new ArrayList<>();
            for (JsonValue item : array(Vectors.json("litj/acc-condition-sets.json"), "cases")) {
                JsonValue.JsonObject c = (JsonValue.JsonObject) item;
                out.add(new Case(string(c, "id"), kind(string(c, "field")), c.get("conditions").orElseThrow()));
            }
            cases = List.copyOf(out);
        }
        return cases;
    }

    static ConditionKind kind(String field) {
        return Arrays.stream(ConditionKind.values()).filter(k -> k.field().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown field " + field));
    }
}
