package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.litj.devnet.testing.TestAnvil;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj chain deploy}'s refusals, against a stand-in JSON-RPC endpoint on 127.0.0.1 that answers only
 * {@code eth_chainId} and {@code eth_getBalance} and records every method asked: a known public chain id is refused
 * without {@code --i-know-this-is-a-public-chain}, a wallet without funds is refused, and neither sends a transaction;
 * a chain that does not answer exits 3. {@code litj chain pool} refuses a target out of range and a missing admin
 * token before it asks the chain. (Deployment and pool run on anvil in {@code ChainNodesProcessesTest}.)
 */
class ChainCommandRefusalsTest {
    /** Hardhat account #9: a well-known test wallet, never a real one. */
    private static final String KEY = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    @TempDir
    Path temp;
    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A JSON-RPC endpoint with this chain id whose every balance is {@code balanceHex}. */
    private String endpoint(long chainId, String balanceHex) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            JsonValue.JsonObject request = JsonReader.parseObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), LitErrorCode.InvalidArgument, "request");
            String method = ((JsonValue.JsonString) request.get("method").orElseThrow()).value();
            asked.add(method);
            String result = switch (method) {
                case "eth_chainId" -> "\"0x" + Long.toHexString(chainId) + "\"";
                case "eth_getBalance" -> "\"" + balanceHex + "\"";
                default -> null;
            };
            String body = result == null
                    ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"not here\"}}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + io.litj.protocol.json.JsJson.stringify(request.get("id").orElseThrow()) + ",\"result\":" + result + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private LitjRun deploy(String url, String... more) {
        String[] base = {"chain", "deploy", "--rpc-url", url, "--admin-key-file", LitjRun.keyFile(temp, KEY)};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return LitjRun.litj(all);
    }

    @Test
    void ethereumMainnet_isRefusedWithoutTheFlag_beforeAnyBalanceOrTransaction() throws Exception {
        LitjRun r = deploy(endpoint(1, "0x56bc75e2d63100000"));
        assertEquals(Exit.REFUSED, r.code(), r.both());
        assertTrue(r.err().contains("chain id 1 at ") && r.err().contains("is Ethereum mainnet, a public chain")
                && r.err().contains("--i-know-this-is-a-public-chain"), r.both());
        assertEquals(List.of("eth_chainId"), asked);
    }

    @Test
    void litsChronicleYellowstone_isRefusedToo() throws Exception {
        LitjRun r = deploy(endpoint(175_188, "0x1"));
        assertEquals(Exit.REFUSED, r.code(), r.both());
        assertTrue(r.err().contains("is Lit Chronicle Yellowstone, a public chain"), r.both());
    }

    @Test
    void withTheFlag_aPublicChainPassesTheGuard_andAnEmptyWalletIsRefused() throws Exception {
        LitjRun r = deploy(endpoint(1, "0x0"), "--i-know-this-is-a-public-chain");
        assertEquals(Exit.REFUSED, r.code(), r.both());
        assertTrue(r.err().contains("has no funds on chain 1"), r.both());
        assertFalse(asked.contains("eth_sendRawTransaction"), asked::toString);
    }

    @Test
    void aPrivateChain_withAnEmptyWallet_isRefusedWithoutATransaction() throws Exception {
        LitjRun r = deploy(endpoint(31_337, "0x0"), "--json");
        assertEquals(Exit.REFUSED, r.code(), r.both());
        assertTrue(r.err().contains("has no funds on chain 31337; send it ether"), r.both());
        assertEquals(List.of("eth_chainId", "eth_getBalance"), asked);
        assertEquals("", r.out());
    }

    @Test
    void aChainThatDoesNotAnswer_exits3() {
        LitjRun r = deploy("http://127.0.0.1:" + TestAnvil.freePort());
        assertEquals(Exit.NOT_RUNNING, r.code(), r.both());
        assertTrue(r.err().contains("cannot deploy: chain http://127.0.0.1:") && r.err().contains("does not answer"),
                r.both());
    }

    @Test
    void aZeroEpochLength_isAUsageError() throws Exception {
        LitjRun r = deploy(endpoint(31_337, "0x1"), "--epoch-length", "0");
        assertEquals(Exit.USAGE, r.code(), r.both());
        assertTrue(r.err().contains("--epoch-length must be at least 1 second, not 0"), r.both());
        assertTrue(asked.isEmpty(), asked::toString);
    }

    @Test
    void pool_targetOutOfRange_isAUsageError_beforeTheChainIsAsked() throws Exception {
        LitjRun r = pool(endpoint(31_337, "0x1"), temp.resolve("t"), 65);
        assertEquals(Exit.USAGE, r.code(), r.both());
        assertTrue(r.err().contains("--target must be in [0, 64], not 65"), r.both());
        assertTrue(asked.isEmpty(), asked::toString);
    }

    @Test
    void pool_withoutTheAdminToken_isRefused_beforeTheChainIsAsked() throws Exception {
        LitjRun r = pool(endpoint(31_337, "0x1"), temp.resolve("none"), 2);
        assertEquals(Exit.LOCAL_ERROR, r.code(), r.both());
        assertTrue(r.err().contains("no admin token at --admin-token-file " + temp.resolve("none")), r.both());
        assertTrue(asked.isEmpty(), asked::toString);
    }

    private LitjRun pool(String url, Path tokenFile, int target) {
        return LitjRun.litj("chain", "pool", "--rpc-url", url, "--staking", "0x" + "11".repeat(20),
                "--admin-key-file", LitjRun.keyFile(temp, KEY), "--admin-token-file", tokenFile.toString(),
                "--target", Integer.toString(target), "--once");
    }
}
