package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.number;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.IpfsCid;
import io.litj.devnet.Devnet;
import io.litj.node.registry.NetworkInfo;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified Lit JS SDK 7.4.0 ({@code interop/devnet-flows.mjs}) against a 3-node litj devnet on 127.0.0.1:
 * {@code connect()} through the devnet's chain view, {@code getSessionSigs} with a wallet callback,
 * {@code executeJs}, a session limited to one action's CID (refused for another action, accepted for its own) and
 * the re-use of a stored wallet signature. The script runs once; each test checks one flow of its JSON document.
 *
 * <p>Without Node.js or {@code interop/} every test is skipped with the reason on stderr, or fails when the
 * environment variable {@code CI} is set (the policy of {@link NodeJs}).
 */
class JsSdkAgainstDevnetTest {
    private static final String SCRIPT = "devnet-flows.mjs";
    private static final LitErrorCode PARSE_CODE = LitErrorCode.NodeParserError;
    /** Hardhat's first test account: a well-known key, never a real wallet. */
    private static final String WALLET_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final long SCRIPT_TIME_LIMIT_MS = 40_000;

    /** The main action: jsParams as globals, console output, the response set through {@code Lit.Actions}. */
    private static final String CODE = """
            const total = numbers.reduce((sum, n) => sum + n, 0);
            console.log('sum of', numbers.length, 'numbers for', who, '=', total);
            Lit.Actions.setResponse({ response: JSON.stringify({ greeting: greeting + ', ' + who + '!', total,
              count: numbers.length }) });
            """;
    private static final String GREETING = "Grüß dich";
    private static final String WHO = "litj";
    private static final List<Integer> NUMBERS = List.of(3, 5, 7, 11);

    /** The other action, named by its CID in the narrow session; non-ASCII so that the CID covers UTF-8 bytes. */
    private static final String OTHER_CODE = """
            // the other action: ünïcode ✓ here makes its CID depend on the UTF-8 encoding
            console.log('other action for', name);
            LitActions.setResponse({ response: JSON.stringify({ other: true, name, upper: name.toUpperCase() }) });
            """;
    private static final String NAME = "narrow";

    @TempDir
    static Path dataDir;

    @AutoClose // after all tests; stays null when the scripts cannot run here
    private static Devnet devnet;
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(JsSdkAgainstDevnetTest::runScript);

    @BeforeAll
    static void startDevnet() {
        devnet = ScriptDevnet.startIfScriptsCanRun(dataDir.resolve("devnet")).orElse(null);
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void theScriptUsedThePinnedSdkStayedOnLoopbackAndFinishedInTime() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document());
        for (JsonValue d : array(document(), "disconnect")) {
            assertTrue(bool((JsonValue.JsonObject) d, "ok"), () -> "disconnect() failed: " + JsJson.stringify(d));
        }
    }

    @Test
    void connect_readsTheValidatorsFromTheChainViewAndHandshakesWithEveryNode() {
        JsonValue.JsonObject connect = flow("connect");
        assertEquals(Set.copyOf(devnet.nodeUrls()), new HashSet<>(strings(connect, "connectedNodes")));
        assertEquals(3, strings(connect, "connectedNodes").size());
        assertEquals(NetworkInfo.thresholdFor(3), number(connect, "minNodeCount"));
        String blockhash = string(connect, "latestBlockhash");
        assertTrue(blockhash.matches("0x[0-9a-f]{64}"), blockhash);
        assertTrue(devnet.registry().block(blockhash).isPresent(), () -> blockhash + " is not a devnet block");
    }

    @Test
    void getSessionSigs_signsOneSessionSigPerDevnetNodeAfterOneWalletSignature() {
        JsonValue.JsonObject sigs = flow("sessionSigs");
        assertSessionSigsForEveryNode(sigs);
        assertEquals(1, number(sigs, "callbackCount"));
        assertEquals(List.of("lit-litaction://*"), requestedResources(sigs));
        assertTrue(string(sigs, "walletSignedMessage").contains("'Threshold': 'Execution' for 'lit-litaction://*'"),
                () -> string(sigs, "walletSignedMessage"));
    }

    @Test
    void executeJs_returnsTheActionsResponseAndConsoleOutput() {
        JsonValue.JsonObject run = flow("executeJs");
        assertTrue(bool(run, "success"));
        assertEquals(expectedMainResponse(), parse(string(run, "response"), "executeJs response"));
        assertTrue(string(run, "logs").contains(expectedMainLog()), () -> string(run, "logs"));

        JsonValue.JsonObject other = flow("executeJsOther");
        assertEquals(expectedOtherResponse(), parse(string(other, "response"), "executeJs response (other)"));
        assertTrue(string(other, "logs").contains("other action for " + NAME), () -> string(other, "logs"));
    }

    @Test
    void theSdkNamesBothActionsByTheSameCidAsLitj() {
        JsonValue.JsonObject ids = object(document(), "sdkIpfsIds");
        assertEquals(cid(CODE), string(ids, "code"));
        assertEquals(cid(OTHER_CODE), string(ids, "otherCode"));
        assertEquals(cid(OTHER_CODE), string(object(document(), "input"), "otherCidUsed"));
    }

    @Test
    void aStaleBlockHashIsRefreshedFromTheDevnetsBlockHashEndpoint() {
        JsonValue.JsonObject refresh = flow("blockHashRefresh");
        assertEquals(List.of(devnet.blockHashUrl()), strings(refresh, "fetched"));
        assertEquals(0, number(refresh, "refusedDuring"), "the SDK fell back to public Ethereum RPCs");
        String blockhash = string(refresh, "after");
        assertTrue(devnet.registry().block(blockhash).isPresent(), () -> blockhash + " is not a devnet block");
        // lastBlockHashRetrieved = the endpoint's timestamp (seconds) * 1000: a fresh block is seconds old
        int age = number(refresh, "ageMs");
        assertTrue(age > -2_000 && age < 30_000, () -> "the block-hash timestamp is " + age + " ms old");
        // the next session's SIWE takes the refreshed hash as its nonce, and the nodes accept it (next tests)
        assertTrue(string(flow("cidSession"), "walletSignedMessage").contains("\nNonce: " + blockhash + "\n"),
                () -> string(flow("cidSession"), "walletSignedMessage"));
    }

    @Test
    void aSessionForOneActionsCid_isRefusedForAnotherAction() {
        JsonValue.JsonObject narrow = flow("cidSession");
        assertSessionSigsForEveryNode(narrow);
        assertEquals(List.of("lit-litaction://" + cid(OTHER_CODE)), requestedResources(narrow));

        JsonValue.JsonObject refused = object(document(), "flows", "cidSessionMainCode");
        assertFalse(bool(refused, "ok"), () -> "the nodes ran an action the session does not name: "
                + JsJson.stringify(refused));
        JsonValue.JsonObject error = object(refused, "error");
        assertEquals("NodeError", string(error, "name"), () -> JsJson.stringify(error));
        assertEquals(LitErrorCode.NodeResourceIdNotFound.wireName(), string(error, "errorCode"),
                () -> JsJson.stringify(error));
        assertEquals("Validation", string(error, "errorKind"), () -> JsJson.stringify(error));
        assertTrue(string(error, "infoMessage").contains(cid(CODE)), () -> string(error, "infoMessage"));
    }

    @Test
    void aSessionForOneActionsCid_runsThatAction() {
        JsonValue.JsonObject run = flow("cidSessionOtherCode");
        assertTrue(bool(run, "success"));
        assertEquals(expectedOtherResponse(), parse(string(run, "response"), "executeJs response (narrow)"));
        assertTrue(string(run, "logs").contains("other action for " + NAME), () -> string(run, "logs"));
    }

    @Test
    void aStoredWalletSignatureIsReused() {
        JsonValue.JsonObject reuse = flow("storageReuse");
        assertEquals(1, number(reuse, "callbackCountAfterFirst"));
        assertEquals(1, number(reuse, "callbackCount"), "the second getSessionSigs asked the wallet again");
        assertTrue(bool(reuse, "sameSessionKey"));
        assertTrue(bool(reuse, "sameWalletSig"));
        assertEquals(Set.copyOf(devnet.nodeUrls()), new HashSet<>(strings(reuse, "nodeUrls")));
        JsonValue.JsonObject run = object(reuse, "execution");
        assertEquals(expectedMainResponse(), parse(string(run, "response"), "executeJs response (cached session)"));
    }

    // ------------------------------------------------------------------------------------------------ expectations

    private static JsonValue.JsonObject jsParams() {
        List<JsonValue> numbers = new ArrayList<>();
        NUMBERS.forEach(n -> numbers.add(new JsonValue.JsonNumber(n)));
        return JsonValue.object().put("greeting", GREETING).put("who", WHO)
                .put("numbers", new JsonValue.JsonArray(numbers)).build();
    }

    private static JsonValue.JsonObject otherJsParams() {
        return JsonValue.object().put("name", NAME).build();
    }

    private static JsonValue expectedMainResponse() {
        int total = NUMBERS.stream().mapToInt(Integer::intValue).sum();
        return JsonValue.object().put("greeting", GREETING + ", " + WHO + "!")
                .put("total", new JsonValue.JsonNumber(total))
                .put("count", new JsonValue.JsonNumber(NUMBERS.size())).build();
    }

    private static String expectedMainLog() {
        return "sum of " + NUMBERS.size() + " numbers for " + WHO + " = "
                + NUMBERS.stream().mapToInt(Integer::intValue).sum();
    }

    private static JsonValue expectedOtherResponse() {
        return JsonValue.object().put("other", new JsonValue.JsonBoolean(true)).put("name", NAME)
                .put("upper", NAME.toUpperCase(Locale.ROOT)).build();
    }

    private static String cid(String code) {
        return IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSessionSigsForEveryNode(JsonValue.JsonObject sigs) {
        List<String> keys = strings(sigs, "nodeUrls");
        assertEquals(devnet.nodeUrls().size(), keys.size(), () -> "keys " + keys);
        assertEquals(Set.copyOf(devnet.nodeUrls()), new HashSet<>(keys));
        assertEquals(keys, strings(sigs, "nodeAddresses"), "each sig's nodeAddress is its key");
        assertEquals("ed25519", string(sigs, "algo"));
        assertEquals("litSessionSignViaNacl", string(sigs, "derivedVia"));
        assertEquals(PrivateKeyEthSigner.fromHex(WALLET_KEY).address().toChecksumString(),
                string(sigs, "walletAddress"));
    }

    private static List<String> requestedResources(JsonValue.JsonObject sigs) {
        List<String> out = new ArrayList<>();
        for (JsonValue r : array(sigs, "resourceAbilityRequests")) {
            JsonValue.JsonObject request = (JsonValue.JsonObject) r;
            assertEquals("lit-action-execution", string(request, "ability"));
            JsonValue.JsonObject resource = object(request, "resource");
            out.add(string(resource, "resourcePrefix") + "://" + string(resource, "resource"));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the run

    /**
     * Runs the script on first use (not in {@code @BeforeAll}: a skip there would hide the tests from the reports)
     * and remembers the document, or why there is none, for the other tests.
     */
    private static JsonValue.JsonObject document() {
        return DOCUMENT.get();
    }

    private static JsonValue.JsonObject runScript() throws IOException {
        // The code goes through UTF-8 files and the JSON as ASCII: arguments are only as safe as the locale.
        Path actions = Files.createDirectories(dataDir.resolve("actions"));
        Path code = Files.writeString(actions.resolve("main.js"), CODE, StandardCharsets.UTF_8);
        Path otherCode = Files.writeString(actions.resolve("other.js"), OTHER_CODE, StandardCharsets.UTF_8);
        return ScriptDevnet.runFlows(devnet, SCRIPT,
                "--wallet-key", WALLET_KEY,
                "--code-file", code.toString(),
                "--js-params", NodeJs.asciiJson(jsParams()),
                "--other-code-file", otherCode.toString(),
                "--other-js-params", NodeJs.asciiJson(otherJsParams()),
                "--other-cid", cid(OTHER_CODE),
                "--timeout-ms", Long.toString(SCRIPT_TIME_LIMIT_MS));
    }

    /** The flow {@code name}, which must have succeeded (otherwise the failure shows the SDK's error and chatter). */
    private static JsonValue.JsonObject flow(String name) {
        return ScriptDevnet.flow(document(), name);
    }

    private static JsonValue parse(String text, String what) {
        return JsonReader.parse(text, PARSE_CODE, what);
    }
}
