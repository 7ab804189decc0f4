package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChainConfig} in a node config: read, written, defaults, and every range refused with its reason. */
class ChainConfigTest {
    @TempDir
    Path dir;

    @Test
    void readFromANodeConfigAndWrittenBack() throws IOException {
        Path file = Files.writeString(dir.resolve("node.json"), "{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\","
                + "\"chains\":{\"ethereum\":\"http://127.0.0.1:8545\",\"yellowstone\":\"https://rpc.example/x\"},"
                + "\"rpcTimeoutMs\":750,\"maxRpcCallsPerRequest\":4}");
        NodeConfig config = NodeConfig.read(file);
        assertEquals(new ChainConfig(Map.of("ethereum", URI.create("http://127.0.0.1:8545"), "yellowstone",
                URI.create("https://rpc.example/x")), Duration.ofMillis(750), 4), config.chains());
        assertEquals(config, NodeConfig.read(Files.writeString(dir.resolve("again.json"), config.toJson())));
    }

    @Test
    void absentMembersMeanNoChainsAndDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("node.json"), "{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\"}");
        assertEquals(ChainConfig.none(), NodeConfig.read(file).chains());
        assertEquals(Duration.ofSeconds(5), ChainConfig.none().rpcTimeout());
        assertEquals(30, ChainConfig.none().maxCallsPerRequest());
    }

    @Test
    void outOfRangeValuesAreRefused() {
        URI ok = URI.create("http://127.0.0.1:8545");
        assertRefused("chain name 'a b' must be 1 to 64 letters, digits, '_' or '-'",
                () -> ChainConfig.of(Map.of("a b", ok)));
        assertRefused("chain ethereum needs an http(s) JSON-RPC URL but has file:/etc/passwd",
                () -> ChainConfig.of(Map.of("ethereum", URI.create("file:/etc/passwd"))));
        assertRefused("rpcTimeoutMs must be in [10, 60000] but is 9",
                () -> ChainConfig.none().withRpcTimeout(Duration.ofMillis(9)));
        assertRefused("rpcTimeoutMs must be in [10, 60000] but is 60001",
                () -> ChainConfig.none().withRpcTimeout(Duration.ofMillis(60_001)));
        assertRefused("maxRpcCallsPerRequest must be in [1, 1000] but is 0",
                () -> ChainConfig.none().withMaxCallsPerRequest(0));
    }

    @Test
    void aChainUrlThatIsNoStringIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("node.json"), "{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\","
                + "\"chains\":{\"ethereum\":8545}}");
        LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("chains.ethereum must be a URL string", e.getMessage());
    }

    private static void assertRefused(String message, org.junit.jupiter.api.function.Executable action) {
        LitNodeException e = assertThrows(LitNodeException.class, action);
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals(message, e.getMessage());
    }
}
