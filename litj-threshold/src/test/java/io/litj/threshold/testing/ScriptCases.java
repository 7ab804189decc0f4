package io.litj.threshold.testing;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;

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

    /**
     * The run used the pinned SDK, including the {@code @lit-protocol/crypto} and {@code wasm} packages that the
     * node client loads, tried no connection and finished in time.
     */
    public static void assertPinnedCryptoOfflineAndInTime(JsonValue.JsonObject document) {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document);
        for (String pkg : new String[] {"@lit-protocol/crypto", "@lit-protocol/wasm"}) {
            assertEquals(InteropRuns.SDK_VERSION, string(object(document, "versions"), pkg), pkg);
        }
    }
}
