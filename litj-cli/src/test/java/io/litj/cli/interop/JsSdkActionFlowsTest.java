package io.litj.cli.interop;

import static io.litj.cli.interop.ScriptDevnet.flow;
import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.Main;
import io.litj.devnet.Devnet;
import io.litj.node.actions.IpfsCid;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.RunOnce;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified Lit JS SDK 7.4.0 ({@code interop/action-flows.mjs}) runs {@code executeJs({ipfsId})} on a 3-node
 * litj devnet after {@code litj action put} stored the action in the devnet's registry: with a wildcard session and
 * with a session limited to that CID; a CID stored nowhere is refused with {@code NodeIpfsIdNotFound}. Two actions
 * sent by code show {@code runOnce} (the SDK gets the leader's value) and {@code broadcastAndCollect} (three values)
 * across the three nodes; others convert bytes ({@code uint8arrayToString/FromString}), read the devnet's chain
 * ({@code getRpcUrl}, {@code getLatestNonce}), {@code call} the stored action as a child and show {@code Lit.Auth}
 * of the SDK's wallet session. The script
 * runs once; without Node.js or {@code interop/} the tests are skipped (or fail under {@code CI}).
 */
class JsSdkActionFlowsTest {
    private static final String SCRIPT = "action-flows.mjs";
    private static final long SCRIPT_TIME_LIMIT_MS = 60_000;
    private static final String USER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String CODE = """
            // stored by litj action put, run by CID: ünïcode ✓
            console.log('by cid for', who);
            Lit.Actions.setResponse({ response: JSON.stringify({ hello: who, cid: Lit.Auth.actionIpfsIds[0] }) });
            """;
    private static final String WHO = "the JS SDK";
    /** Bytes for the conversions: leading zeros, a byte that is no UTF-8, and "ü". */
    private static final String HEX = "0000ff10c3bc7f";
    private static final String UNKNOWN = IpfsCid.v0("// stored nowhere".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path dataDir;

    @AutoClose
    private static Devnet devnet;
    private static String cid;
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(JsSdkActionFlowsTest::runScript);

    @BeforeAll
    static void startDevnetAndPut() throws IOException {
        devnet = ScriptDevnet.startIfScriptsCanRun(dataDir.resolve("devnet")).orElse(null);
        if (devnet != null) {
            Path file = Files.writeString(dataDir.resolve("action.js"), CODE, StandardCharsets.UTF_8);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "action", "put",
                    file.toString(), "--data", dataDir.resolve("devnet").toString(), "--json");
            assertEquals(0, code, err::toString);
            cid = string(JsonReader.parseObject(out.toString().strip(), LitErrorCode.InvalidArgument, "put"), "cid");
        }
    }

    @Test
    void script_usesThePinnedSdk_staysOnLoopback_andSendsIpfsIdInsteadOfCode() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(DOCUMENT.get());
        List<JsonValue> bodies = array(DOCUMENT.get(), "executeBodyKeys");
        assertFalse(bodies.isEmpty());
        for (JsonValue keys : bodies) {
            List<JsonValue> items = ((JsonValue.JsonArray) keys).items();
            assertTrue(items.contains(new JsonValue.JsonString("ipfsId")), keys::toString);
            assertFalse(items.contains(new JsonValue.JsonString("code")), keys::toString);
        }
    }

    @Test
    void actionPut_printsTheCidTheNodesAndTheSdkUse() {
        assertEquals(IpfsCid.v0(CODE.getBytes(StandardCharsets.UTF_8)), cid);
    }

    @Test
    void executeJsByIpfsId_runsTheStoredCode_onTheNodes() {
        JsonValue.JsonObject run = flow(DOCUMENT.get(), "byIpfsId");
        assertEquals("{\"hello\":\"" + WHO + "\",\"cid\":\"" + cid + "\"}", string(run, "response"));
        assertTrue(string(run, "logs").contains("by cid for " + WHO), () -> string(run, "logs"));
    }

    @Test
    void executeJsByIpfsId_withASessionLimitedToThatCid_runs() {
        assertEquals("{\"hello\":\"" + WHO + "\",\"cid\":\"" + cid + "\"}",
                string(flow(DOCUMENT.get(), "narrowSession"), "response"));
    }

    @Test
    void executeJsByIpfsId_unknownCid_refusedWithNodeIpfsIdNotFound() {
        ScriptDevnet.assertRefused(DOCUMENT.get(), "unknownIpfsId", LitErrorCode.NodeIpfsIdNotFound);
    }

    @Test
    void runOnce_theSdkGetsTheLeadersValue() {
        String response = string(flow(DOCUMENT.get(), "runOnce"), "response");
        assertTrue(response.startsWith("leader-"), response);
        double drawn = Double.parseDouble(response.substring("leader-".length()));
        assertTrue(drawn >= 0 && drawn < 1, response);
    }

    @Test
    void broadcastAndCollect_theSdkGetsThreeValues() {
        String response = string(flow(DOCUMENT.get(), "collect"), "response");
        List<JsonValue> values = ((JsonValue.JsonArray) JsonReader.parse(response, LitErrorCode.InvalidArgument,
                "collect")).items();
        assertEquals(3, values.size(), response);
        assertEquals(3, new java.util.HashSet<>(values).size(), response);
    }

    @Test
    void uint8arrayConversions_theSdkGetsBase64Base58AndUtf8OfTheBytes() {
        byte[] bytes = HexFormat.of().parseHex(HEX);
        assertEquals(Base64.getEncoder().withoutPadding().encodeToString(bytes) + " " + base58(bytes) + " "
                + new String(bytes, StandardCharsets.UTF_8), string(flow(DOCUMENT.get(), "bytes"), "response"));
    }

    @Test
    void chains_theSdkGetsTheRpcUrlTheNonceAndTheRefusalOfAnUnknownChain() {
        assertEquals(List.of(new JsonValue.JsonString(devnet.rpcUrl()), new JsonValue.JsonString("0x0"),
                new JsonValue.JsonString("LitActions.getRpcUrl: NodeChainNotConfigured: chain nowhere is not "
                        + "configured on this node (configured: [ethereum, yellowstone])")),
                ((JsonValue.JsonArray) JsonReader.parse(string(flow(DOCUMENT.get(), "chains"), "response"),
                        LitErrorCode.InvalidArgument, "chains")).items());
    }

    @Test
    void call_theSdkGetsTheStoredChildsResponseAndLog() {
        JsonValue.JsonObject run = flow(DOCUMENT.get(), "call");
        assertEquals("{\"got\":{\"hello\":\"a child\",\"cid\":\"" + cid + "\"},\"stack\":1}",
                string(run, "response"));
        assertTrue(string(run, "logs").contains("by cid for a child"), () -> string(run, "logs"));
    }

    @Test
    void litAuth_theSdksWalletSession_datilsMembersWithTheWalletAndTheActionsCid() {
        JsonValue.JsonObject auth = JsonReader.parseObject(string(flow(DOCUMENT.get(), "litAuth"), "response"),
                LitErrorCode.InvalidArgument, "litAuth");
        assertEquals(List.of("actionIpfsIds", "actionIpfsIdStack", "authSigAddress", "authMethodContexts",
                "resources", "customAuthResource"), List.copyOf(auth.members().keySet()));
        List<JsonValue> ids = array(auth, "actionIpfsIds");
        assertEquals(1, ids.size());
        assertTrue(IpfsCid.multihashOf(((JsonValue.JsonString) ids.get(0)).value()).isPresent(), ids::toString);
        assertEquals(ids, array(auth, "actionIpfsIdStack"));
        assertEquals(PrivateKeyEthSigner.fromHex(USER_KEY).address().toChecksumString(),
                string(auth, "authSigAddress"));
        assertEquals(List.of(), array(auth, "authMethodContexts"));
        assertEquals(List.of(), array(auth, "resources"));
        assertEquals("", string(auth, "customAuthResource"));
    }

    /** Base58btc (Bitcoin alphabet, a '1' per leading zero byte), written here from its definition. */
    private static String base58(byte[] bytes) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        for (java.math.BigInteger n = new java.math.BigInteger(1, bytes); n.signum() > 0; n = n.divide(
                java.math.BigInteger.valueOf(58))) {
            out.append(alphabet.charAt(n.mod(java.math.BigInteger.valueOf(58)).intValue()));
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    private static JsonValue.JsonObject runScript() {
        return ScriptDevnet.runFlows(devnet, SCRIPT, "--user-key", USER_KEY, "--cid", cid, "--unknown-cid", UNKNOWN,
                "--who", WHO, "--hex", HEX, "--address", "0x" + "ab".repeat(20), "--timeout-ms",
                Long.toString(SCRIPT_TIME_LIMIT_MS));
    }
}
