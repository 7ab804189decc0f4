package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.ChainConfig;
import io.litj.node.acc.HttpChainRpc;
import io.litj.node.actions.ActionHostException;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.testing.TestChain;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Lit.Actions.getRpcUrl} and {@code getLatestNonce} ({@link ActionChains}) against a JSON-RPC chain on
 * 127.0.0.1: the configured URL, Datil's nonce form, and every refusal (unknown or blank chain, malformed address,
 * the per-run call limit, a chain error, no time left, a chain that never answers), each before or instead of a
 * chain call as the rule says; then the same through an action's promises.
 */
class ActionChainsTest {
    private static final EthAddress WALLET = EthAddress.parse("0x" + "ab".repeat(20), "test");
    private static TestChain chain;
    private static HttpChainRpc rpc;
    private static ChainConfig config;
    private static ActionRuntime runtime;

    @BeforeAll
    static void start() {
        chain = TestChain.start().nonce(WALLET, BigInteger.valueOf(27));
        config = ChainConfig.of(Map.of("ethereum", chain.url(), "yellowstone", URI.create("http://127.0.0.1:9/rpc")))
                .withMaxCallsPerRequest(3);
        rpc = new HttpChainRpc(config);
        runtime = new ActionRuntime(ActionLimits.defaults());
    }

    @AfterAll
    static void stop() {
        runtime.close();
        rpc.close();
        chain.close();
    }

    private static ActionChains.Run run() {
        return new ActionChains(config, rpc).forRun(Duration.ofSeconds(30));
    }

    private static String refusal(ActionChains.Run run, String function, String args) {
        return assertThrows(ActionHostException.class, () -> run.call(function, args)).getMessage();
    }

    @Test
    void getRpcUrl_configuredChain_isItsUrl_withoutACall() {
        int before = chain.received();
        assertEquals("\"http://127.0.0.1:9/rpc\"", run().call("getRpcUrl", "{\"chain\":\"yellowstone\"}"));
        assertEquals("\"" + chain.url() + "\"", run().call("getRpcUrl", "{\"chain\":\"ethereum\"}"));
        assertEquals(before, chain.received());
    }

    @Test
    void getLatestNonce_isTheLatestCountAsDatilWritesIt() {
        assertEquals("\"0x1b\"", run().call("getLatestNonce", "{\"address\":\"" + WALLET.toChecksumString()
                + "\",\"chain\":\"ethereum\"}"));
        assertEquals("\"0x1b\"", run().call("getLatestNonce", "{\"address\":\"" + "AB".repeat(20)
                + "\",\"chain\":\"ethereum\"}"));
        assertEquals("\"0x0\"", run().call("getLatestNonce", "{\"address\":\"0x" + "01".repeat(20)
                + "\",\"chain\":\"ethereum\"}"));
    }

    @Test
    void unknownBlankOrLongChain_refusedWithoutACall() {
        int before = chain.received();
        assertEquals("NodeChainNotConfigured: chain solana is not configured on this node (configured: [ethereum, "
                + "yellowstone])", refusal(run(), "getRpcUrl", "{\"chain\":\"solana\"}"));
        assertTrue(refusal(run(), "getLatestNonce", "{\"chain\":\"solana\",\"address\":\"0x" + "ab".repeat(20)
                + "\"}").startsWith("NodeChainNotConfigured: chain solana"));
        assertEquals("chain must not be blank", refusal(run(), "getRpcUrl", "{\"chain\":\" \"}"));
        assertEquals("chain must be a string of at most 64 characters", refusal(run(), "getRpcUrl",
                "{\"chain\":\"" + "e".repeat(65) + "\"}"));
        assertEquals("chain must be a string of at most 64 characters", refusal(run(), "getRpcUrl", "{}"));
        assertEquals("LitActions.getRpcUrl expects an argument object", refusal(run(), "getRpcUrl", "[1]"));
        assertEquals(before, chain.received());
    }

    @Test
    void malformedAddress_refusedWithoutACall() {
        int before = chain.received();
        for (String address : new String[] {"0x" + "ab".repeat(19), "0x" + "zz".repeat(20), "0x0x" + "ab".repeat(19)}) {
            assertEquals("address must be 40 hex digits, with or without 0x", refusal(run(), "getLatestNonce",
                    "{\"chain\":\"ethereum\",\"address\":\"" + address + "\"}"));
        }
        assertEquals("address must be a string of at most 42 characters", refusal(run(), "getLatestNonce",
                "{\"chain\":\"ethereum\",\"address\":\"0x" + "ab".repeat(21) + "\"}"));
        assertEquals(before, chain.received());
    }

    @Test
    void moreCallsThanTheLimit_theNextIsRefusedWithoutACall() {
        ActionChains.Run run = run();
        String args = "{\"chain\":\"ethereum\",\"address\":\"" + WALLET.toLowerHex() + "\"}";
        for (int i = 0; i < 3; i++) {
            assertEquals("\"0x1b\"", run.call("getLatestNonce", args));
        }
        int before = chain.received();
        assertEquals("an action may make at most 3 chain calls", refusal(run, "getLatestNonce", args));
        assertEquals(before, chain.received());
        assertEquals("\"0x1b\"", run().call("getLatestNonce", args)); // the limit is per run
    }

    @Test
    void noTimeLeft_refusedWithoutACall() {
        int before = chain.received();
        assertEquals("the action has no time left for a chain call", refusal(new ActionChains(config, rpc)
                .forRun(Duration.ZERO), "getLatestNonce", "{\"chain\":\"ethereum\",\"address\":\""
                + WALLET.toLowerHex() + "\"}"));
        assertEquals(before, chain.received());
    }

    @Test
    void chainThatNeverAnswers_endsAtTheActionsDeadline() {
        try (TestChain silent = TestChain.start().stall(true);
                HttpChainRpc slow = new HttpChainRpc(ChainConfig.of(Map.of("ethereum", silent.url()))
                        .withRpcTimeout(Duration.ofSeconds(60)))) {
            ActionChains.Run run = new ActionChains(ChainConfig.of(Map.of("ethereum", silent.url())), slow)
                    .forRun(Duration.ofMillis(300));
            assertEquals("eth_getTransactionCount on chain ethereum: no answer before the action's deadline",
                    refusal(run, "getLatestNonce", "{\"chain\":\"ethereum\",\"address\":\"" + WALLET.toLowerHex()
                            + "\"}"));
        }
    }

    @Test
    void chainError_refusedWithTheChainCallFailure() {
        try (TestChain broken = TestChain.start().raw(500, "oops".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                HttpChainRpc brokenRpc = new HttpChainRpc(ChainConfig.of(Map.of("ethereum", broken.url())))) {
            ActionChains.Run run = new ActionChains(ChainConfig.of(Map.of("ethereum", broken.url())), brokenRpc)
                    .forRun(Duration.ofSeconds(30));
            assertEquals("NodeAccessControlConditionsCheckFailed: eth_getTransactionCount on chain ethereum: HTTP "
                    + "status 500", refusal(run, "getLatestNonce", "{\"chain\":\"ethereum\",\"address\":\""
                    + WALLET.toLowerHex() + "\"}"));
        }
    }

    @Test
    void inAnAction_promisesResolveAndRejectWithTheMessages() {
        String code = """
                (async () => {
                  const out = [await Lit.Actions.getRpcUrl({chain: 'yellowstone'}),
                    await Lit.Actions.getLatestNonce({address: wallet, chain: 'ethereum'})];
                  try { await Lit.Actions.getLatestNonce({address: wallet, chain: 'nowhere'}); }
                  catch (e) { out.push(e.message); }
                  Lit.Actions.setResponse({response: out.join('|')});
                })();
                """;
        String response = runtime.run(ActionRequest.of(code, io.litj.protocol.json.JsonValue.object()
                .put("wallet", WALLET.toChecksumString()).build()), run()).response();
        assertEquals("http://127.0.0.1:9/rpc|0x1b|LitActions.getLatestNonce: NodeChainNotConfigured: chain nowhere "
                + "is not configured on this node (configured: [ethereum, yellowstone])", response);
    }
}
