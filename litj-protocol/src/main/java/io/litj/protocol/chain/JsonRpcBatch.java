package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The server side of a JSON-RPC 2.0 body (§6): one request object or a batch (an array of 1 to
 * {@value #MAX_BATCH} requests, answered in order), each answered with a {@link JsonRpcResponse}. A body that is not
 * JSON is {@code -32700} with HTTP 400, a body that is JSON but no request or batch {@code -32600} with HTTP 400;
 * the errors of single requests are HTTP 200 with an {@code error} member, as Ethereum nodes answer them. Pure:
 * the caller reads the body and sends the reply.
 */
public final class JsonRpcBatch {
    /** Most requests answered in one batch. */
    public static final int MAX_BATCH = 100;

    private JsonRpcBatch() {
    }

    /** What a server answers: an HTTP status and a JSON body. */
    public record Reply(int status, JsonValue body) {
        public Reply {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The methods of a server. */
    @FunctionalInterface
    public interface Methods {
        /**
         * The result of {@code request}.
         *
         * @throws JsonRpcException with the error to answer; anything else thrown escapes {@link #answer}
         */
        JsonValue call(JsonRpcRequest request);
    }

    /** Answers {@code body} (already size-limited and decoded from UTF-8) with {@code methods}. */
    public static Reply answer(String body, Methods methods) {
        JsonValue parsed;
        try {
            parsed = JsonReader.parse(body, LitErrorCode.NodeParserError, "JSON-RPC request");
        } catch (LitProtocolException e) {
            return new Reply(400, JsonRpcResponse.failure(JsonValue.JsonNull.INSTANCE, JsonRpcError.PARSE_ERROR,
                    "parse error: " + e.getMessage()).toJson());
        }
        if (parsed instanceof JsonValue.JsonArray batch) {
            if (batch.items().isEmpty() || batch.items().size() > MAX_BATCH) {
                return new Reply(400, JsonRpcResponse.failure(JsonValue.JsonNull.INSTANCE,
                        JsonRpcError.INVALID_REQUEST, "a batch must hold 1.." + MAX_BATCH + " requests but holds "
                                + batch.items().size()).toJson());
            }
            List<JsonValue> answers = new ArrayList<>(batch.items().size());
            for (JsonValue item : batch.items()) {
                answers.add(one(item, methods).toJson());
            }
            return new Reply(200, new JsonValue.JsonArray(answers));
        }
        if (parsed instanceof JsonValue.JsonObject) {
            return new Reply(200, one(parsed, methods).toJson());
        }
        return new Reply(400, JsonRpcResponse.failure(JsonValue.JsonNull.INSTANCE, JsonRpcError.INVALID_REQUEST,
                "a request must be a JSON object or array").toJson());
    }

    private static JsonRpcResponse one(JsonValue item, Methods methods) {
        JsonRpcRequest request;
        try {
            request = JsonRpcRequest.from(item);
        } catch (JsonRpcException e) {
            return JsonRpcResponse.failure(e.id(), e.error());
        }
        try {
            return JsonRpcResponse.success(request.id(), methods.call(request));
        } catch (JsonRpcException e) {
            return JsonRpcResponse.failure(request.id(), e.error());
        }
    }
}
