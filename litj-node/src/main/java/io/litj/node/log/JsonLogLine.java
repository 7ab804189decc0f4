package io.litj.node.log;

import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.time.Instant;
import java.util.Map;

/**
 * One log event as one line of JSON: {@code {"time","level","logger","message","requestId","node","error"}}, the last
 * three only when known. Written by {@link JsJson}, so every control character (a newline too) in any field is
 * escaped and a line never breaks; the request id and node come from the SLF4J MDC keys the node's HTTP bridge sets
 * ({@code requestId}, {@code node}). A thrown exception adds its class and message, never its stack or cause chain.
 */
final class JsonLogLine {
    /** The MDC keys copied into a line, in this order. */
    static final String[] MDC_KEYS = {"requestId", "node"};

    private JsonLogLine() {
    }

    /** The line (without its line break). */
    static String format(Instant time, String level, String logger, String message, Map<String, String> mdc,
            Throwable error) {
        JsonValue.ObjectBuilder b = JsonValue.object().put("time", time.toString()).put("level", level)
                .put("logger", logger).put("message", message == null ? "" : message);
        for (String key : MDC_KEYS) {
            String value = mdc == null ? null : mdc.get(key);
            if (value != null) {
                b.put(key, value);
            }
        }
        if (error != null) {
            b.put("error", error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
        }
        return JsJson.stringify(b.build());
    }
}
