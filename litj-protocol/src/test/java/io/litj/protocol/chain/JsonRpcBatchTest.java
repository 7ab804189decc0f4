package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcBatchTest {
    /** eth_chainId answers 0x1; echo answers its params; anything else is -32601. */
    private final List<String> called = new ArrayList<>();

    private JsonValue methods(JsonRpcRequest r) {
        called.add(r.method());
        return switch (r.method()) {
            case "eth_chainId" -> new JsonValue.JsonString("0x1");
            case "echo" -> new JsonValue.JsonArray(r.params());
            default -> throw new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "the method " + r.method()
                    + " does not exist/is not available");
        };
    }

    private String answer(int status, String body) {
        JsonRpcBatch.Reply reply = JsonRpcBatch.answer(body, this::methods);
        assertEquals(status, reply.status(), body);
        return JsJson.stringify(reply.body());
    }

    private static String call(Object id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[]}";
    }

    @Test
    void singleRequest_answeredWithItsIdAndHttp200() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}", answer(200, call(1, "eth_chainId")));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":[7]}", answer(200,
                "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"echo\",\"params\":[7]}"));
    }

    @Test
    void methodError_answeredWithItsIdAndHttp200() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"error\":{\"code\":-32601,\"message\":\"the method nope"
                + " does not exist/is not available\"}}", answer(200, call("\"q\"", "nope")));
    }

    @Test
    void batch_answersEachRequestInOrder_malformedItemsIncluded() {
        String body = "[" + call(7, "eth_chainId") + ",42," + call(8, "nope") + "]";
        assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"a request must be an"
                + " object\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":{\"code\":-32601,\"message\":\"the method nope does not"
                + " exist/is not available\"}}]", answer(200, body));
        assertEquals(List.of("eth_chainId", "nope"), called);
    }

    @Test
    void notJson_parseErrorWithHttp400() {
        String a = answer(400, "{\"jsonrpc\":");
        String start = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error: JSON-RPC"
                + " request is not valid JSON: ";
        assertEquals(start, a.substring(0, Math.min(a.length(), start.length())));
        assertEquals(List.of(), called);
    }

    @Test
    void jsonThatIsNoRequestOrBatch_invalidRequestWithHttp400() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"a request must be a"
                + " JSON object or array\"}}", answer(400, "42"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"a batch must hold"
                + " 1..100 requests but holds 0\"}}", answer(400, "[]"));
    }

    @Test
    void batch_atTheLimitAnswered_oneMoreRefused() {
        String hundred = "[" + String.join(",", java.util.Collections.nCopies(JsonRpcBatch.MAX_BATCH,
                call(1, "eth_chainId"))) + "]";
        answer(200, hundred);
        assertEquals(JsonRpcBatch.MAX_BATCH, called.size());
        String more = "[" + String.join(",", java.util.Collections.nCopies(JsonRpcBatch.MAX_BATCH + 1,
                call(1, "eth_chainId"))) + "]";
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"a batch must hold"
                + " 1..100 requests but holds 101\"}}", answer(400, more));
        assertEquals(JsonRpcBatch.MAX_BATCH, called.size());
    }

    @Test
    void otherExceptionsOfTheMethods_escape() {
        assertThrows(IllegalStateException.class, () -> JsonRpcBatch.answer(call(1, "x"), r -> {
            throw new IllegalStateException("bug");
        }));
    }
}
