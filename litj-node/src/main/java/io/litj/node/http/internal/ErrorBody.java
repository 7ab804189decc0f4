package io.litj.node.http.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The node error body, as Lit nodes send it ({@code lit-node-behaviour.md} §8.1):
 * {@code {errorKind, errorCode, status, message, correlationId, details}}; {@code details} is left out when empty;
 * Lit Action failures add {@code logs}.
 */
public final class ErrorBody {
    private ErrorBody() {
    }

    public static JsonValue.JsonObject of(LitErrorCode code, String message, String correlationId,
                                          List<String> details) {
        JsonValue.ObjectBuilder b = JsonValue.object()
                .put("errorKind", code.kind().name())
                .put("errorCode", code.wireName())
                .put("status", new JsonValue.JsonNumber(code.httpStatus()))
                .put("message", message)
                .put("correlationId", correlationId);
        if (!details.isEmpty()) {
            List<JsonValue> items = new ArrayList<>();
            details.forEach(d -> items.add(new JsonValue.JsonString(d)));
            b.put("details", new JsonValue.JsonArray(items));
        }
        return b.build();
    }

    /** The same body with the Lit Action's {@code logs} added. */
    public static JsonValue.JsonObject withLogs(JsonValue.JsonObject body, String logs) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        body.members().forEach(b::put);
        return b.put("logs", logs).build();
    }
}
