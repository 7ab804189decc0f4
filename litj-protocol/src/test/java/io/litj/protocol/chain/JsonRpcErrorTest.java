package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcErrorTest {
    private static JsonValue json(String text) {
        return JsonReader.parse(text, LitErrorCode.NodeParserError, "test");
    }

    @Test
    void codes_areThoseOfJsonRpc2AndEthereumNodes() {
        assertEquals(List.of(-32700, -32600, -32601, -32602, -32603, -32000), List.of(JsonRpcError.PARSE_ERROR,
                JsonRpcError.INVALID_REQUEST, JsonRpcError.METHOD_NOT_FOUND, JsonRpcError.INVALID_PARAMS,
                JsonRpcError.INTERNAL_ERROR, JsonRpcError.EXECUTION_REVERTED));
    }

    @Test
    void toJsonThenFrom_givesTheSameError() {
        JsonRpcError error = new JsonRpcError(-32000, "execution reverted");
        assertEquals("{\"code\":-32000,\"message\":\"execution reverted\"}", JsJson.stringify(error.toJson()));
        assertEquals(error, JsonRpcError.from(error.toJson()));
    }

    @Test
    void from_messageMissingOrNotAString_keepsTheWholeObjectAsMessage() {
        assertEquals(new JsonRpcError(3, "{\"code\":3,\"data\":\"0x08c379a0\"}"),
                JsonRpcError.from(json("{\"code\":3,\"data\":\"0x08c379a0\"}")));
        assertEquals(new JsonRpcError(-1, "{\"code\":-1,\"message\":7}"),
                JsonRpcError.from(json("{\"code\":-1,\"message\":7}")));
    }

    @Test
    void from_notAnObjectOrCodeNotAnInteger_refusedWithParserError() {
        for (String text : List.of("\"boom\"", "{\"message\":\"m\"}", "{\"code\":\"-32000\",\"message\":\"m\"}",
                "{\"code\":1.5,\"message\":\"m\"}", "{\"code\":1e12,\"message\":\"m\"}")) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> JsonRpcError.from(json(text)),
                    text);
            assertEquals(LitErrorCode.NodeParserError, e.code(), text);
        }
        assertEquals("JSON-RPC error code must be an integer", assertThrows(LitProtocolException.class,
                () -> JsonRpcError.from(json("{\"message\":\"m\"}"))).getMessage());
    }
}
