package io.litj.threshold.testing;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.string;

import io.litj.protocol.json.JsonValue;

/** Reading the result document of an {@code interop/} script that answers a list of cases by id. */
public final class ScriptCases {
    private ScriptCases() {
    }

    /** The answer to case {@code id} in the document's {@code cases}; fails the test if there is none. */
    public static JsonValue.JsonObject byId(JsonValue.JsonObject document, String id) {
        for (JsonValue v : array(document, "cases")) {
            if (string((JsonValue.JsonObject) v, "id").equals(id)) {
                return (JsonValue.JsonObject) v;
            }
        }
        throw new AssertionError("the script did not answer case " + id);
    }
}
