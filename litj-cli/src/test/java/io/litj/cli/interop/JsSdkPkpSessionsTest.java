package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.member;
import static io.litj.protocol.testing.JsonAccess.number;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture;
import io.litj.devnet.Devnet;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified Lit JS SDK 7.4.0 ({@code interop/pkp-flows.mjs}) gets PKP and Lit-Action sessions from a 3-node
 * litj devnet: {@code getPkpSessionSigs} with an EthWallet auth method and {@code getLitActionSessionSigs} with an
 * action answering "true" each send one {@code sign_session_key} per node, combine the BLS shares into a grant the
 * SDK's own check accepts under the handshake's network key, and the nodes accept the sessions in
 * {@code executeJs}; a wallet the PKP does not permit, a wallet permitted without a scope and an action answering
 * "false" are refused with the nodes' exact codes. The PKP is minted here (Java) and the script runs once.
 *
 * <p>Without Node.js or {@code interop/} every test is skipped with the reason on stderr, or fails when the
 * environment variable {@code CI} is set (the policy of {@link NodeJs}).
 */
class JsSdkPkpSessionsTest {
    private static final String SCRIPT = "pkp-flows.mjs";
    private static final LitErrorCode PARSE_CODE = LitErrorCode.NodeParserError;
    private static final long SCRIPT_TIME_LIMIT_MS = 40_000;

    @TempDir
    static Path dataDir;

    @AutoClose // after all tests; stays null when the scripts cannot run here
    private static Devnet devnet;
    private static Pkp pkp;
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(JsSdkPkpSessionsTest::runScript);

    @BeforeAll
    static void startDevnetAndMintPkp() {
        devnet = ScriptDevnet.startIfScriptsCanRun(dataDir.resolve("devnet")).orElse(null);
        if (devnet != null) {
            pkp = PkpSessionFixture.mintPkp(devnet);
        }
    }

    @Test
    void script_usesThePinnedSdk_staysOnLoopback_andFinishesInTime() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document());
        assertTrue(bool(object(document(), "disconnect"), "ok"));
    }

    @Test
    void connect_reportsEveryNodeTheThresholdAndTheDevnetsNetworkKey() {
        JsonValue.JsonObject connect = flow("connect");
        assertEquals(Set.copyOf(devnet.nodeUrls()), new HashSet<>(strings(connect, "connectedNodes")));
        assertEquals(NetworkInfo.thresholdFor(3), number(connect, "minNodeCount"));
        assertEquals(devnet.networkPublicKey().orElseThrow().toHex(), string(connect, "networkPubKey"));
    }

    @Test
    void getPkpSessionSigs_walletPermitted_oneRoundOfSharesCombineIntoAGrantTheSdkVerifies() {
        JsonValue.JsonObject sigs = flow("pkpSessionSigs");
        assertSessionForEveryNode(sigs);
        List<JsonValue.JsonObject> sent = requests(sigs);
        for (JsonValue.JsonObject body : sent) {
            assertEquals(List.of("sessionKey", "authMethods", "pkpPublicKey", "siweMessage", "curveType", "epoch"),
                    strings(body, "keys"));
            assertEquals(List.of(new JsonValue.JsonNumber(1)), array(body, "authMethodTypes"));
            assertEquals(JsonValue.JsonNull.INSTANCE, member(body, "code"));
        }
        // the SDK asks for 24 hours; the grant ends with the one-hour login signed just before the request
        SiweMessage asked = SiweParser.parse(string(sent.get(0), "siweMessage"));
        Instant granted = SiweParser.parse(AuthSig.fromJson(member(sigs, "grant"), PARSE_CODE, "grant")
                .signedMessage()).expirationInstant().orElseThrow();
        assertTrue(granted.isBefore(asked.expirationInstant().orElseThrow()), asked::toString);
        assertFalse(granted.isAfter(asked.issuedAtInstant().plus(Duration.ofHours(1))), granted::toString);
    }

    @Test
    void executeJs_withThePkpSession_isAcceptedAndTheActionSeesTheWalletThatProvedIt() {
        JsonValue.JsonObject auth = authSeenByTheAction("pkpExecuteJs");
        List<JsonValue> methods = array(auth, "authMethodContexts");
        assertEquals(1, methods.size(), () -> JsJson.stringify(auth));
        JsonValue.JsonObject method = (JsonValue.JsonObject) methods.get(0);
        assertEquals(PkpSessionFixture.WALLET.address().toChecksumString(), string(method, "userId"));
        assertEquals(new JsonValue.JsonNumber(1), member(method, "authMethodType"));
        assertEquals("", string(auth, "customAuthResource"));
    }

    @Test
    void getLitActionSessionSigs_actionAnsweringTrue_sendsTheBase64CodeAndGetsAGrantTheSdkVerifies() {
        JsonValue.JsonObject sigs = flow("actionSessionSigs");
        assertSessionForEveryNode(sigs);
        String base64 = Base64.getEncoder().encodeToString(PkpSessionFixture.TRUE_ACTION.getBytes(
                StandardCharsets.UTF_8));
        for (JsonValue.JsonObject body : requests(sigs)) {
            assertEquals(List.of(), array(body, "authMethodTypes"));
            assertEquals(base64, string(body, "code"));
            assertEquals(PkpSessionFixture.AUTH_PARAMS, member(body, "jsParams"));
        }
    }

    @Test
    void executeJs_withTheLitActionSession_isAcceptedAndTheActionSeesTheAuthorizingAnswer() {
        JsonValue.JsonObject auth = authSeenByTheAction("actionExecuteJs");
        assertEquals(List.of(), array(auth, "authMethodContexts"), () -> JsJson.stringify(auth));
        assertEquals("true", string(auth, "customAuthResource"));
    }

    @Test
    void getPkpSessionSigs_walletThePkpDoesNotPermit_isRefusedWithNodePKPNotAuthorized() {
        assertRefused("strangerWallet", LitErrorCode.NodePKPNotAuthorized);
    }

    @Test
    void getPkpSessionSigs_walletPermittedWithoutAScope_isRefusedWithNodeAuthSigScopeTooLimited() {
        assertRefused("scopelessWallet", LitErrorCode.NodeAuthSigScopeTooLimited);
    }

    @Test
    void getLitActionSessionSigs_actionAnsweringFalse_isRefusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        assertRefused("falseAction", LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * Session sigs keyed by every devnet node, one sign_session_key request per node (a second round would mean the
     * SDK rejected the combined signature), the same lit.bls grant for the PKP in all, verified by the SDK and here.
     */
    private static void assertSessionForEveryNode(JsonValue.JsonObject sigs) {
        List<String> keys = strings(sigs, "nodeUrls");
        assertEquals(Set.copyOf(devnet.nodeUrls()), new HashSet<>(keys));
        assertEquals(keys, strings(sigs, "nodeAddresses"), "each sig's nodeAddress is its key");
        assertTrue(bool(sigs, "sameGrantEverywhere"));
        assertTrue(bool(sigs, "sdkBlsVerify"), "the SDK's blsSessionSigVerify refused the grant");
        AuthSig grant = AuthSig.fromJson(member(sigs, "grant"), PARSE_CODE, "grant");
        assertEquals(AuthSig.BLS_DERIVED_VIA, grant.derivedVia());
        assertEquals(AuthSig.BLS_ALGO, grant.algo().orElseThrow());
        assertEquals(EthAddress.fromPublicKey(Hex.decode(pkp.publicKey(), "pkp")).toChecksumString(),
                grant.address());
        assertTrue(grant.signedMessage().contains("\nURI: lit:session:" + string(sigs, "sessionPublicKey") + "\n"),
                grant::signedMessage);
        assertDoesNotThrow(() -> PkpSessionFixture.verifyUnder(devnet.networkPublicKey().orElseThrow(), grant));

        List<JsonValue.JsonObject> sent = requests(sigs);
        assertEquals(Set.copyOf(devnet.nodeUrls()), new HashSet<>(sent.stream().map(b -> string(b, "url")).toList()));
        for (JsonValue.JsonObject body : sent) {
            assertEquals("lit:session:" + string(sigs, "sessionPublicKey"), string(body, "sessionKey"));
            assertEquals(PkpSessionFixture.publicKey0x(pkp), string(body, "pkpPublicKey"));
            assertEquals("BLS", string(body, "curveType"));
            assertEquals(new JsonValue.JsonNumber(1), member(body, "epoch"));
            assertTrue(string(body, "siweMessage").contains("\nLit Protocol PKP session signature "),
                    () -> string(body, "siweMessage"));
        }
    }

    private static List<JsonValue.JsonObject> requests(JsonValue.JsonObject sigs) {
        List<JsonValue.JsonObject> out = new ArrayList<>();
        array(sigs, "signSessionKeyRequests").forEach(r -> out.add((JsonValue.JsonObject) r));
        assertEquals(devnet.nodeUrls().size(), out.size(), "sign_session_key requests: " + JsJson.stringify(
                member(sigs, "signSessionKeyRequests")));
        return out;
    }

    /** The flow ran the report action on every node; returns the {@code Lit.Auth} the action saw. */
    private static JsonValue.JsonObject authSeenByTheAction(String name) {
        JsonValue.JsonObject run = flow(name);
        assertTrue(bool(run, "success"));
        assertTrue(string(run, "logs").contains("auth report for grüezi"), () -> string(run, "logs"));
        JsonValue.JsonObject response = (JsonValue.JsonObject) JsonReader.parse(string(run, "response"), PARSE_CODE,
                name + " response");
        assertEquals("grüezi", string(response, "greeting"));
        return object(response, "auth");
    }

    private static void assertRefused(String name, LitErrorCode expected) {
        requests(ScriptDevnet.assertRefused(document(), name, expected));
    }

    // ------------------------------------------------------------------------------------------------ the run

    /** Runs the script on first use and remembers the document, or why there is none, for the other tests. */
    private static JsonValue.JsonObject document() {
        return DOCUMENT.get();
    }

    private static JsonValue.JsonObject runScript() throws IOException {
        return ScriptDevnet.runFlows(devnet, SCRIPT, PkpSessionFixture.pkpFlowsArgs(pkp, dataDir.resolve("actions"),
                SCRIPT_TIME_LIMIT_MS));
    }

    /** The flow {@code name}, which must have succeeded (otherwise the failure shows the SDK's error and chatter). */
    private static JsonValue.JsonObject flow(String name) {
        return ScriptDevnet.flow(document(), name);
    }
}
