package io.litj.cli;

import static io.litj.cli.PkpSessionFixture.AUTH_REPORT_ACTION;
import static io.litj.cli.PkpSessionFixture.FALSE_ACTION;
import static io.litj.cli.PkpSessionFixture.REPORT_PARAMS;
import static io.litj.cli.PkpSessionFixture.SIGN_SESSION_KEY_PATH;
import static io.litj.cli.PkpSessionFixture.TRUE_ACTION;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.AuthMethod;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.PkpSessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK's PKP sessions against a real 3-node devnet: {@code getPkpSessionSigs} with an EthWallet auth method
 * and {@code getLitActionSessionSigs} with an action answering "true" each get a {@code lit.bls} grant that the nodes
 * accept in {@code executeJs} (and whose auth context the action sees); a wallet the PKP does not permit, a wallet
 * permitted without a scope and an action answering "false" are refused with the nodes' exact codes; a stored grant
 * is re-used without asking the nodes again. Each test uses its own client, store and counting transport.
 */
class JavaSdkPkpSessionsTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path temp;

    @AutoClose
    private static Devnet devnet;
    private static Pkp pkp;

    @BeforeAll
    static void startDevnetAndMintPkp() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        pkp = PkpSessionFixture.mintPkp(devnet);
    }

    @Test
    void getPkpSessionSigs_walletPermittedByThePkp_grantsANetworkSignedSessionThatExecuteJsAccepts() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            SessionSigs sigs = client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp,
                    PkpSessionFixture.WALLET, CLOCK));

            assertEquals(3, transport.count(SIGN_SESSION_KEY_PATH), "one sign_session_key request per node");
            assertEquals(devnet.nodeUrls(), List.copyOf(sigs.byNodeUrl().keySet()));
            assertNetworkGrantForThePkp(PkpSessionFixture.grant(sigs));

            JsonValue.JsonObject auth = runAuthReport(client, sigs);
            List<JsonValue> methods = array(auth, "authMethodContexts");
            assertEquals(1, methods.size(), () -> JsJson.stringify(auth));
            JsonValue.JsonObject method = (JsonValue.JsonObject) methods.get(0);
            assertEquals(PkpSessionFixture.WALLET.address().toChecksumString(), string(method, "userId"));
            assertEquals("lit", string(method, "appId"));
            assertEquals(new JsonValue.JsonNumber(1), method.get("authMethodType").orElseThrow());
            assertEquals("", string(auth, "customAuthResource"));
            assertEquals(JsonValue.JsonNull.INSTANCE, auth.get("authSigAddress").orElseThrow(),
                    "a PKP session has no wallet capability");
        }
    }

    @Test
    void getLitActionSessionSigs_actionAnsweringTrue_grantsASessionThatExecuteJsAccepts() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            SessionSigs sigs = client.getLitActionSessionSigs(PkpSessionFixture.actionRequest(pkp, TRUE_ACTION));

            assertEquals(3, transport.count(SIGN_SESSION_KEY_PATH));
            AuthSig grant = PkpSessionFixture.grant(sigs);
            assertNetworkGrantForThePkp(grant);

            JsonValue.JsonObject auth = runAuthReport(client, sigs);
            assertEquals(List.of(), array(auth, "authMethodContexts"), () -> JsJson.stringify(auth));
            assertEquals("true", string(auth, "customAuthResource"), "the authorizing action's answer");
            assertEquals(List.of(new JsonValue.JsonString(PkpSessionFixture.cid(AUTH_REPORT_ACTION))),
                    array(auth, "actionIpfsIds"), "the running action");
        }
    }

    @Test
    void getPkpSessionSigs_walletThePkpDoesNotPermit_isRefusedWithNodePKPNotAuthorized() {
        LitClientException e = refusal(client -> client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client,
                pkp, PkpSessionFixture.STRANGER, CLOCK)));
        assertEquals(LitErrorCode.NodePKPNotAuthorized.wireName(), e.nodeErrorCode().orElseThrow(), e::getMessage);
    }

    @Test
    void getPkpSessionSigs_walletPermittedWithoutAScope_isRefusedWithNodeAuthSigScopeTooLimited() {
        LitClientException e = refusal(client -> client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client,
                pkp, PkpSessionFixture.SCOPELESS, CLOCK)));
        assertEquals(LitErrorCode.NodeAuthSigScopeTooLimited.wireName(), e.nodeErrorCode().orElseThrow(),
                e::getMessage);
    }

    @Test
    void getLitActionSessionSigs_actionAnsweringFalse_isRefusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        LitClientException e = refusal(client -> client.getLitActionSessionSigs(
                PkpSessionFixture.actionRequest(pkp, FALSE_ACTION)));
        assertEquals(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed.wireName(),
                e.nodeErrorCode().orElseThrow(), e::getMessage);
    }

    @Test
    void getPkpSessionSigs_storedGrantStillGood_isReusedWithoutASecondSignSessionKeyRound() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            PkpSessionRequest request = PkpSessionFixture.walletRequest(client, pkp, PkpSessionFixture.WALLET, CLOCK);
            SessionSigs first = client.getPkpSessionSigs(request);
            SessionSigs second = client.getPkpSessionSigs(request);

            assertEquals(3, transport.count(SIGN_SESSION_KEY_PATH), "the second call asked the nodes again");
            assertEquals(PkpSessionFixture.grant(first), PkpSessionFixture.grant(second));
            assertEquals(first.byNodeUrl().values().iterator().next().address(),
                    second.byNodeUrl().values().iterator().next().address(), "same session key");
            runAuthReport(client, second);
        }
    }

    @Test
    void getPkpSessionSigs_oneLoginForASecondSessionKey_isRefusedByTheNodesWithNodeInvalidAuthSig() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            AuthMethod login = PkpSessionFixture.walletLogin(client, PkpSessionFixture.WALLET, CLOCK);
            PkpSessionRequest.Builder request = PkpSessionRequest.builder()
                    .pkpPublicKey(PkpSessionFixture.publicKey0x(pkp)).authMethods(List.of(login));
            client.getPkpSessionSigs(request.terms(SessionTerms.of(PkpSessionFixture.RESOURCES)).build());

            // other resources: another stored session, so a new session key, proven by the same login
            LitClientException e = assertThrows(LitClientException.class, () -> client.getPkpSessionSigs(
                    request.terms(SessionTerms.of(PkpSessionFixture.RESOURCES.get(0))).build()));

            assertEquals(LitErrorCode.NodeInvalidAuthSig.wireName(), e.nodeErrorCode().orElseThrow(), e::getMessage);
        }
    }

    @Test
    void getPkpSessionSigs_storedGrantOfAPermittedWallet_isNotHandedToAWalletThePkpDoesNotPermit() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp, PkpSessionFixture.WALLET, CLOCK));
            LitClientException e = assertThrows(LitClientException.class, () -> client.getPkpSessionSigs(
                    PkpSessionFixture.walletRequest(client, pkp, PkpSessionFixture.STRANGER, CLOCK)));
            assertEquals(LitErrorCode.NodePKPNotAuthorized.wireName(), e.nodeErrorCode().orElseThrow());
            assertEquals(6, transport.count(SIGN_SESSION_KEY_PATH));
        }
    }

    @Test
    void getLitActionSessionSigs_storedGrantOfAWallet_stillRunsTheActionAndIsRefusedWhenItAnswersFalse() {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp, PkpSessionFixture.WALLET, CLOCK));
            LitClientException e = assertThrows(LitClientException.class, () -> client.getLitActionSessionSigs(
                    PkpSessionFixture.actionRequest(pkp, FALSE_ACTION)));
            assertEquals(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed.wireName(),
                    e.nodeErrorCode().orElseThrow());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Runs {@code call} on a fresh client (empty store) and returns its refusal, which every node must share. */
    private static LitClientException refusal(Function<LitClient, SessionSigs> call) {
        try (CountingTransport transport = new CountingTransport();
             LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            LitClientException e = assertThrows(LitClientException.class, () -> call.apply(client));
            assertEquals(LitErrorCode.NodeError, e.code(), e::getMessage);
            assertEquals(3, e.nodeFailures().size(), e::getMessage);
            e.nodeFailures().forEach(f -> assertEquals(401, f.httpStatus(), f::describe));
            assertEquals(3, transport.count(SIGN_SESSION_KEY_PATH));
            return e;
        }
    }

    private static void assertNetworkGrantForThePkp(AuthSig grant) {
        assertEquals(AuthSig.BLS_DERIVED_VIA, grant.derivedVia());
        assertEquals(AuthSig.BLS_ALGO, grant.algo().orElseThrow());
        assertEquals(EthAddress.fromPublicKey(Hex.decode(pkp.publicKey(), "pkp")).toChecksumString(),
                grant.address());
        assertTrue(grant.signedMessage().contains("lit-resolvedauthcontext://*"), grant::signedMessage);
        assertDoesNotThrow(() -> PkpSessionFixture.verifyUnder(devnet.networkPublicKey().orElseThrow(), grant),
                "the combined signature does not verify under the devnet's network key");
    }

    /** Runs {@link PkpSessionFixture#AUTH_REPORT_ACTION} on every node and returns the {@code Lit.Auth} it saw. */
    private static JsonValue.JsonObject runAuthReport(LitClient client, SessionSigs sigs) {
        ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder().code(AUTH_REPORT_ACTION)
                .jsParams(REPORT_PARAMS).sessionSigs(sigs).build());
        assertEquals(3, result.perNode().size());
        assertEquals("auth report for grüezi\n", result.logs());
        JsonValue.JsonObject response = (JsonValue.JsonObject) result.responseJson().orElseThrow(() ->
                new AssertionError("not JSON: " + result.response()));
        assertEquals("grüezi", string(response, "greeting"));
        return (JsonValue.JsonObject) response.get("auth").orElseThrow();
    }

    private static String string(JsonValue.JsonObject o, String key) {
        JsonValue v = o.get(key).orElseThrow(() -> new AssertionError("no " + key + " in " + JsJson.stringify(o)));
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new AssertionError(key + " is not a string: " + JsJson.stringify(v));
    }

    private static List<JsonValue> array(JsonValue.JsonObject o, String key) {
        JsonValue v = o.get(key).orElseThrow(() -> new AssertionError("no " + key + " in " + JsJson.stringify(o)));
        if (v instanceof JsonValue.JsonArray a) {
            return a.items();
        }
        throw new AssertionError(key + " is not an array: " + JsJson.stringify(v));
    }
}
