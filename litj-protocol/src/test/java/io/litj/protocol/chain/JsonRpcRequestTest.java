package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcRequestTest {
    private static JsonValue json(String text) {
        return JsonReader.parse(text, LitErrorCode.NodeParserError, "test");
    }

    @Test
    void toJson_numericIdAndParams_inTheOrderEthereumClientsWrite() {
        JsonRpcRequest request = JsonRpcRequest.of(1, "eth_call", List.of(JsonValue.object()
                .put("to", "0xd4507cd392af2c80919219d7896508728f6a623f").put("data", "0xc51d020e").build(),
                new JsonValue.JsonString("latest")));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":"
                + "\"0xd4507cd392af2c80919219d7896508728f6a623f\",\"data\":\"0xc51d020e\"},\"latest\"]}",
                JsJson.stringify(request.toJson()));
        assertEquals(request, JsonRpcRequest.from(request.toJson()));
    }

    @Test
    void from_withoutIdOrParams_readsNullIdAndNoParams() {
        JsonRpcRequest r = JsonRpcRequest.from(json("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}"));
        assertEquals(new JsonRpcRequest(JsonValue.JsonNull.INSTANCE, "eth_chainId", List.of()), r);
        assertEquals(List.of(), JsonRpcRequest.from(json("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"m\","
                + "\"params\":null}")).params());
    }

    @Test
    void from_malformedRequest_refusedWithInvalidRequestAndTheIdWhenKnown() {
        JsonRpcException notObject = assertThrows(JsonRpcException.class, () -> JsonRpcRequest.from(json("[1]")));
        assertEquals(new JsonRpcError(-32600, "a request must be an object"), notObject.error());
        assertEquals(JsonValue.JsonNull.INSTANCE, notObject.id());

        JsonRpcException badId = assertThrows(JsonRpcException.class, () -> JsonRpcRequest.from(json(
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}")));
        assertEquals(new JsonRpcError(-32600, "id must be a string, number or null"), badId.error());
        assertEquals(JsonValue.JsonNull.INSTANCE, badId.id());

        JsonRpcException version = assertThrows(JsonRpcException.class, () -> JsonRpcRequest.from(json(
                "{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"m\"}")));
        assertEquals(new JsonRpcError(-32600, "jsonrpc must be \"2.0\""), version.error());
        assertEquals(new JsonValue.JsonNumber(4), version.id());

        JsonRpcException method = assertThrows(JsonRpcException.class, () -> JsonRpcRequest.from(json(
                "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":5}")));
        assertEquals(new JsonRpcError(-32600, "method must be a string"), method.error());
        assertEquals(new JsonValue.JsonString("x"), method.id());
    }

    @Test
    void from_paramsNotAnArray_refusedWithInvalidParams() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> JsonRpcRequest.from(json(
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"m\",\"params\":{\"a\":1}}")));
        assertEquals(new JsonRpcError(-32602, "params must be an array"), e.error());
        assertEquals(new JsonValue.JsonNumber(9), e.id());
        assertEquals(LitErrorCode.NodeBadInput, e.code());
    }

    @Test
    void constructor_idThatIsNoStringNumberOrNull_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new JsonRpcRequest(new JsonValue.JsonBoolean(true), "m", List.of()));
    }
}
