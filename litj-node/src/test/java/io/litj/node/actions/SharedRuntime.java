package io.litj.node.actions;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;

/**
 * One {@link ActionRuntime} with default limits shared by the action test classes (an engine warm-up costs about a
 * second in interpreter mode). Never closed: its threads are daemons.
 */
final class SharedRuntime {
    private static ActionRuntime runtime;

    private SharedRuntime() {
    }

    static synchronized ActionRuntime get() {
        if (runtime == null) {
            runtime = new ActionRuntime(ActionLimits.defaults());
        }
        return runtime;
    }

    /** Parses a JSON object literal for params, auth contexts and expectations. */
    static JsonValue.JsonObject json(String text) {
        return JsonReader.parseObject(text, LitErrorCode.NodeBadInput, "test");
    }
}
