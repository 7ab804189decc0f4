package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.Objects;

/**
 * The {@code error} member of a JSON-RPC 2.0 response ({@code {"code":…,"message":…}}), with the codes of the
 * JSON-RPC 2.0 specification (§5.1) and the one Ethereum nodes use for a reverted call. Immutable.
 *
 * @param code the error code
 * @param message a short description
 */
public record JsonRpcError(int code, String message) {
    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal JSON-RPC error. */
    public static final int INTERNAL_ERROR = -32603;
    /** Ethereum nodes: the call reverted ({@code "execution reverted"}). */
    public static final int EXECUTION_REVERTED = -32000;

    public JsonRpcError {
        Objects.requireNonNull(message, "message");
    }

    /** {@code {"code":code,"message":message}}. */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object().put("code", new JsonValue.JsonNumber(code)).put("message", message).build();
    }

    /**
     * Reads an error object. The code must be an integer; a missing or non-string {@code message} is replaced by
     * the object's JSON text, so that whatever the server said is kept.
     *
     * @throws LitProtocolException {@code NodeParserError} if {@code error} is not an object with an integer code
     */
    public static JsonRpcError from(JsonValue error) {
        if (!(error instanceof JsonValue.JsonObject object)) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "JSON-RPC error must be an object");
        }
        if (!(object.get("code").orElse(null) instanceof JsonValue.JsonNumber code)
                || code.value() != Math.rint(code.value()) || Math.abs(code.value()) > Integer.MAX_VALUE) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "JSON-RPC error code must be an integer");
        }
        String message = object.get("message").orElse(null) instanceof JsonValue.JsonString text
                ? text.value() : JsJson.stringify(object);
        return new JsonRpcError((int) code.value(), message);
    }
}
