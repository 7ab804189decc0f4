package io.litj.protocol.testing;

import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
