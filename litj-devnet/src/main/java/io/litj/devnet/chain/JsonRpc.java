package io.litj.devnet.chain;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 framing for the chain view: one request object or a batch (array, at most {@value #MAX_BATCH}
 * entries, answered in order), each answered with {@code {"jsonrpc":"2.0","id":…,"result"|"error":…}}. Requests
 * without an {@code id} are answered with {@code "id":null} rather than dropped. A body that is not JSON is
 * {@code -32700} (HTTP 400); a body that is JSON but no request or batch is {@code -32600} (HTTP 400); errors of
 * single calls are HTTP 200 with an {@code error} member, as Ethereum nodes answer them. Never throws.
 */
final class JsonRpc {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpc.class);
    static final int MAX_BATCH = 100;

    /** The HTTP status and JSON body of an answer. */
    record Reply(int status, JsonValue body) {
    }

    private final EthMethods methods;

    JsonRpc(EthMethods methods) {
        this.methods = methods;
    }

    /** Answers a request body (already size-limited and UTF-8 decoded). */
    Reply handle(String body) {
        JsonValue request;
        try {
            request = JsonReader.parse(body, LitErrorCode.NodeBadInput, "JSON-RPC request");
        } catch (LitProtocolException e) {
            return new Reply(400, error(JsonValue.JsonNull.INSTANCE, RpcException.PARSE_ERROR,
                    "parse error: " + e.getMessage()));
        }
        if (request instanceof JsonValue.JsonArray batch) {
            if (batch.items().isEmpty() || batch.items().size() > MAX_BATCH) {
                return new Reply(400, error(JsonValue.JsonNull.INSTANCE, RpcException.INVALID_REQUEST,
                        "a batch must hold 1.." + MAX_BATCH + " requests but holds " + batch.items().size()));
            }
            List<JsonValue> answers = new ArrayList<>(batch.items().size());
            for (JsonValue item : batch.items()) {
                answers.add(one(item));
            }
            return new Reply(200, new JsonValue.JsonArray(answers));
        }
        if (request instanceof JsonValue.JsonObject) {
            return new Reply(200, one(request));
        }
        return new Reply(400, error(JsonValue.JsonNull.INSTANCE, RpcException.INVALID_REQUEST,
                "a request must be a JSON object or array"));
    }

    /** The error answer {@code {"jsonrpc":"2.0","id":id,"error":{"code":code,"message":message}}}. */
    static JsonValue.JsonObject error(JsonValue id, int code, String message) {
        return JsonValue.object()
                .put("jsonrpc", "2.0")
                .put("id", id)
                .put("error", JsonValue.object()
                        .put("code", new JsonValue.JsonNumber(code))
                        .put("message", message)
                        .build())
                .build();
    }

    private JsonValue one(JsonValue item) {
        if (!(item instanceof JsonValue.JsonObject request)) {
            return error(JsonValue.JsonNull.INSTANCE, RpcException.INVALID_REQUEST, "a request must be an object");
        }
        JsonValue id = request.get("id").orElse(JsonValue.JsonNull.INSTANCE);
        if (id instanceof JsonValue.JsonObject || id instanceof JsonValue.JsonArray
                || id instanceof JsonValue.JsonBoolean) {
            return error(JsonValue.JsonNull.INSTANCE, RpcException.INVALID_REQUEST,
                    "id must be a string, number or null");
        }
        String method = "?";
        try {
            if (!request.get("jsonrpc").equals(java.util.Optional.of(new JsonValue.JsonString("2.0")))) {
                throw new RpcException(RpcException.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
            }
            if (!(request.get("method").orElse(null) instanceof JsonValue.JsonString name)) {
                throw new RpcException(RpcException.INVALID_REQUEST, "method must be a string");
            }
            method = name.value();
            JsonValue result = methods.call(method, params(request));
            LOG.debug("{} -> ok", EthMethods.cut(method));
            return JsonValue.object().put("jsonrpc", "2.0").put("id", id).put("result", result).build();
        } catch (RpcException e) {
            LOG.debug("{} -> {} {}", EthMethods.cut(method), e.code(), e.getMessage());
            return error(id, e.code(), e.getMessage());
        } catch (LitNodeException e) {
            LOG.warn("{} failed: {} {}", EthMethods.cut(method), e.code(), e.getMessage());
            return error(id, RpcException.INTERNAL_ERROR, "internal error: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", EthMethods.cut(method), e);
            return error(id, RpcException.INTERNAL_ERROR, "internal error; see the chain view log");
        }
    }

    private static List<JsonValue> params(JsonValue.JsonObject request) {
        JsonValue params = request.get("params").orElse(null);
        if (params == null || params == JsonValue.JsonNull.INSTANCE) {
            return List.of();
        }
        if (params instanceof JsonValue.JsonArray array) {
            return array.items();
        }
        throw new RpcException(RpcException.INVALID_PARAMS, "params must be an array");
    }
}
