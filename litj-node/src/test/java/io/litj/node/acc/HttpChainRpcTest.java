package io.litj.node.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.ChainConfig;
import io.litj.node.LitNodeException;
import io.litj.node.testing.TestChain;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HttpChainRpc}: whatever is not a JSON-RPC result is a refusal, never a value. */
class HttpChainRpcTest {
    private static LitNodeException call(TestChain chain) {
        try (HttpChainRpc rpc = new HttpChainRpc(ChainConfig.of(Map.of("ethereum", chain.url())))) {
            return assertThrows(LitNodeException.class, () -> rpc.call("ethereum", "eth_blockNumber", List.of()));
        }
    }

    @Test
    void aNon200StatusIsRefused() {
        try (TestChain chain = TestChain.start().raw(500, "{}".getBytes(StandardCharsets.UTF_8))) {
            LitNodeException e = call(chain);
            assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, e.code());
            assertEquals("eth_blockNumber on chain ethereum: HTTP status 500", e.getMessage());
        }
    }

    @Test
    void anAnswerThatIsNotJsonRpcIsRefused() {
        try (TestChain chain = TestChain.start().raw(200, "<html>".getBytes(StandardCharsets.UTF_8))) {
            assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, call(chain).code());
        }
    }

    @Test
    void anOversizedAnswerIsRefusedUnread() {
        byte[] big = new byte[HttpChainRpc.MAX_ANSWER_BYTES + 1];
        try (TestChain chain = TestChain.start().raw(200, big)) {
            LitNodeException e = call(chain);
            assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, e.code());
            assertTrue(e.getMessage().contains("exceeds 1048576 bytes"), e.getMessage());
        }
    }

    @Test
    void aJsonRpcErrorIsRefused() {
        try (TestChain chain = TestChain.start();
                HttpChainRpc rpc = new HttpChainRpc(ChainConfig.of(Map.of("ethereum", chain.url())))) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> rpc.call("ethereum", "eth_mine",
                    List.of()));
            assertEquals(LitErrorCode.NodeAccessControlConditionsCheckFailed, e.code());
            assertEquals("eth_mine on chain ethereum: JSON-RPC error -32000 method not found", e.getMessage());
            assertEquals(new JsonValue.JsonString("0x0"), rpc.call("ethereum", "eth_getBalance",
                    List.of(new JsonValue.JsonString("0x" + "00".repeat(20)), new JsonValue.JsonString("latest"))));
        }
    }
}
