package io.litj.protocol.testing;

import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.List;

/** Checks every interop script's result document must pass, whatever its flows. */
public final class InteropRuns {
    /** The JS SDK version every interop script must run. */
    public static final String SDK_VERSION = "7.4.0";
    private static final List<String> SDK_PACKAGES = List.of("@lit-protocol/lit-node-client",
            "@lit-protocol/lit-node-client-nodejs", "@lit-protocol/auth-helpers", "@lit-protocol/constants");

    private InteropRuns() {
    }

    /**
     * The answer to case {@code id} in the array {@code key} of a script's document; null, with a difference added
     * to {@code failures}, when the script failed on that case or did not answer it.
     */
    public static JsonValue.JsonObject caseResult(JsonValue.JsonObject document, String key, String id,
            List<String> failures) {
        for (JsonValue item : JsonAccess.array(document, key)) {
            JsonValue.JsonObject result = (JsonValue.JsonObject) item;
            if (string(result, "id").equals(id)) {
                if (result.get("error").isPresent()) {
                    failures.add(id + ": the script failed: " + JsJson.stringify(result.get("error").get()));
                    return null;
                }
                return result;
            }
        }
        failures.add(id + ": the script did not answer this case");
        return null;
    }

    /** Fails listing every difference of every case, if there are any. */
    public static void assertNoDifferences(List<String> failures, int cases) {
        assertTrue(failures.isEmpty(), failures.size() + " difference(s) from the JS SDK in " + cases + " cases:\n  "
                + String.join("\n  ", failures));
    }

    /** The run used the pinned SDK packages, never tried to leave 127.0.0.1, and finished within its time. */
    public static void assertPinnedLoopbackOnlyAndInTime(JsonValue.JsonObject document) {
        JsonValue.JsonObject versions = object(document, "versions");
        for (String pkg : SDK_PACKAGES) {
            assertEquals(SDK_VERSION, string(versions, pkg), pkg);
        }
        assertEquals(List.of(), strings(object(document, "networkGuard"), "refused"),
                "the SDK tried to leave 127.0.0.1");
        assertFalse(bool(document, "timedOut"), "the script ran out of time");
    }
}
