package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonRpcExceptionTest {
    @Test
    void code_internalErrorIsOurFault_everythingElseBadInput() {
        assertEquals(LitErrorCode.NodeSystemFault, new JsonRpcException(-32603, "internal error").code());
        assertEquals(LitErrorCode.NodeBadInput, new JsonRpcException(-32601, "no such method").code());
        assertEquals(LitErrorCode.NodeBadInput, new JsonRpcException(-32000, "execution reverted").code());
    }

    @Test
    void errorAndId_areWhatWasGiven_idNullWhenUnknown() {
        JsonRpcException known = new JsonRpcException(new JsonValue.JsonString("7"), -32602, "bad params");
        assertEquals(new JsonRpcError(-32602, "bad params"), known.error());
        assertEquals("bad params", known.getMessage());
        assertEquals(new JsonValue.JsonString("7"), known.id());
        assertEquals(JsonValue.JsonNull.INSTANCE, new JsonRpcException(-32602, "x").id());
    }
}
