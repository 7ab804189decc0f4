package io.litj.protocol.chain;

import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON-RPC 2.0 request with positional params: {@code {"jsonrpc":"2.0","id":…,"method":…,"params":[…]}}
 * (JSON-RPC 2.0 §4). Immutable.
 *
 * @param id a JSON string, number or {@code null}
 * @param method the method name, e.g. {@code eth_call}
 * @param params the positional parameters (empty when the request has none)
 */
public record JsonRpcRequest(JsonValue id, String method, List<JsonValue> params) {
    private static final JsonValue VERSION = new JsonValue.JsonString("2.0");

    public JsonRpcRequest {
        Objects.requireNonNull(id, "id");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("a JSON-RPC id must be a string, number or null");
        }
        Objects.requireNonNull(method, "method");
        params = List.copyOf(params);
    }

    /** A request with a numeric id. */
    public static JsonRpcRequest of(long id, String method, List<JsonValue> params) {
        return new JsonRpcRequest(new JsonValue.JsonNumber(id), method, params);
    }

    /** The request object, members in the order {@code jsonrpc, id, method, params}. */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object().put("jsonrpc", VERSION).put("id", id).put("method", method)
                .put("params", new JsonValue.JsonArray(params)).build();
    }

    /**
     * Reads one request of a body (a single request or one item of a batch). A missing {@code id} reads as
     * {@code null} (a server answers it rather than treating it as a notification); missing or {@code null}
     * {@code params} as none.
     *
     * @throws JsonRpcException {@link JsonRpcError#INVALID_REQUEST} if {@code item} is not an object, its id is
     *         not a string, number or null, {@code jsonrpc} is not {@code "2.0"} or {@code method} is not a
     *         string; {@link JsonRpcError#INVALID_PARAMS} if {@code params} is not an array. The exception
     *         carries the id when it could be read.
     */
    public static JsonRpcRequest from(JsonValue item) {
        if (!(item instanceof JsonValue.JsonObject request)) {
            throw new JsonRpcException(JsonRpcError.INVALID_REQUEST, "a request must be an object");
        }
        JsonValue id = request.get("id").orElse(JsonValue.JsonNull.INSTANCE);
        if (!isValidId(id)) {
            throw new JsonRpcException(JsonRpcError.INVALID_REQUEST, "id must be a string, number or null");
        }
        if (!request.get("jsonrpc").equals(Optional.of(VERSION))) {
            throw new JsonRpcException(id, JsonRpcError.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        }
        if (!(request.get("method").orElse(null) instanceof JsonValue.JsonString method)) {
            throw new JsonRpcException(id, JsonRpcError.INVALID_REQUEST, "method must be a string");
        }
        JsonValue params = request.get("params").orElse(JsonValue.JsonNull.INSTANCE);
        if (params == JsonValue.JsonNull.INSTANCE) {
            return new JsonRpcRequest(id, method.value(), List.of());
        }
        if (params instanceof JsonValue.JsonArray array) {
            return new JsonRpcRequest(id, method.value(), array.items());
        }
        throw new JsonRpcException(id, JsonRpcError.INVALID_PARAMS, "params must be an array");
    }

    /** Whether {@code id} may identify a request: a string, a number or {@code null}. */
    static boolean isValidId(JsonValue id) {
        return id instanceof JsonValue.JsonString || id instanceof JsonValue.JsonNumber
                || id == JsonValue.JsonNull.INSTANCE;
    }
}
