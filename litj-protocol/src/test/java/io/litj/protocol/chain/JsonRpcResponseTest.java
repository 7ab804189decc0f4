package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonRpcResponseTest {
    private static final JsonValue ONE = new JsonValue.JsonNumber(1);

    @Test
    void toJson_successAndFailure_inTheOrderEthereumNodesWrite() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2ac54\"}",
                JsJson.stringify(JsonRpcResponse.success(ONE, new JsonValue.JsonString("0x2ac54")).toJson()));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}",
                JsJson.stringify(JsonRpcResponse.failure(JsonValue.JsonNull.INSTANCE, -32700, "parse error")
                        .toJson()));
    }

    @Test
    void parse_ofToJson_givesTheSameResponse() {
        for (JsonRpcResponse r : List.of(JsonRpcResponse.success(new JsonValue.JsonString("a"),
                        new JsonValue.JsonArray(List.of())), JsonRpcResponse.success(ONE, JsonValue.JsonNull.INSTANCE),
                JsonRpcResponse.failure(ONE, -32000, "execution reverted"))) {
            assertEquals(r, JsonRpcResponse.parse(JsJson.stringify(r.toJson())));
        }
    }

    @Test
    void parse_errorObjectWinsOverResult_nullErrorIgnored() {
        assertEquals(Optional.of(new JsonRpcError(-32000, "boom")), JsonRpcResponse.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\",\"error\":{\"code\":-32000,\"message\":\"boom\"}}")
                .error());
        assertEquals(Optional.of(new JsonValue.JsonString("0x")), JsonRpcResponse.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\",\"error\":null}").result());
    }

    @Test
    void parse_notJsonNotAnObjectOrNeitherResultNorError_refusedWithParserError() {
        for (String body : List.of("", "not json", "[]", "{\"jsonrpc\":\"2.0\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}")) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> JsonRpcResponse.parse(body),
                    body);
            assertEquals(LitErrorCode.NodeParserError, e.code(), body);
        }
        assertEquals("JSON-RPC response has no result", assertThrows(LitProtocolException.class,
                () -> JsonRpcResponse.parse("{\"jsonrpc\":\"2.0\",\"id\":1}")).getMessage());
    }

    @Test
    void constructor_bothOrNeitherOfResultAndError_refused() {
        assertThrows(IllegalArgumentException.class, () -> new JsonRpcResponse(ONE, Optional.empty(),
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new JsonRpcResponse(ONE, Optional.of(ONE),
                Optional.of(new JsonRpcError(1, "x"))));
    }
}
