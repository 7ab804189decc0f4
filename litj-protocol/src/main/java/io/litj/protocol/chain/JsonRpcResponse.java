package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON-RPC 2.0 response: {@code {"jsonrpc":"2.0","id":…,"result":…}} or {@code {…,"error":{…}}}
 * (JSON-RPC 2.0 §5). Immutable; exactly one of {@link #result()} and {@link #error()} is present.
 *
 * @param id the id of the request answered ({@code null} JSON when it could not be read)
 * @param result the result of a successful call
 * @param error the error of a failed one
 */
public record JsonRpcResponse(JsonValue id, Optional<JsonValue> result, Optional<JsonRpcError> error) {
    public JsonRpcResponse {
        Objects.requireNonNull(id, "id");
        if (!JsonRpcRequest.isValidId(id)) {
            throw new IllegalArgumentException("a JSON-RPC id must be a string, number or null");
        }
        if (result.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a JSON-RPC response holds exactly one of result and error");
        }
    }

    /** The answer {@code result} to the request {@code id}. */
    public static JsonRpcResponse success(JsonValue id, JsonValue result) {
        return new JsonRpcResponse(id, Optional.of(result), Optional.empty());
    }

    /** The error answer to the request {@code id}. */
    public static JsonRpcResponse failure(JsonValue id, JsonRpcError error) {
        return new JsonRpcResponse(id, Optional.empty(), Optional.of(error));
    }

    /** The error answer {@code code}/{@code message} to the request {@code id}. */
    public static JsonRpcResponse failure(JsonValue id, int code, String message) {
        return failure(id, new JsonRpcError(code, message));
    }

    /** The response object, members in the order {@code jsonrpc, id, result|error}. */
    public JsonValue.JsonObject toJson() {
        JsonValue.ObjectBuilder b = JsonValue.object().put("jsonrpc", "2.0").put("id", id);
        result.ifPresent(r -> b.put("result", r));
        error.ifPresent(e -> b.put("error", e.toJson()));
        return b.build();
    }

    /**
     * Reads a response body as a client receives it. An {@code error} object wins over a {@code result}; a
     * {@code null} error is ignored; a missing or malformed id reads as {@code null}.
     *
     * @throws LitProtocolException {@code NodeParserError} if the body is not a JSON object, or holds neither a
     *         result nor an error object
     */
    public static JsonRpcResponse parse(String body) {
        JsonValue.JsonObject answer = JsonReader.parseObject(body, LitErrorCode.NodeParserError,
                "JSON-RPC response");
        JsonValue id = answer.get("id").filter(JsonRpcRequest::isValidId).orElse(JsonValue.JsonNull.INSTANCE);
        JsonValue error = answer.get("error").orElse(JsonValue.JsonNull.INSTANCE);
        if (error != JsonValue.JsonNull.INSTANCE) {
            return failure(id, JsonRpcError.from(error));
        }
        JsonValue result = answer.get("result").orElseThrow(() -> new LitProtocolException(
                LitErrorCode.NodeParserError, "JSON-RPC response has no result"));
        return success(id, result);
    }
}
