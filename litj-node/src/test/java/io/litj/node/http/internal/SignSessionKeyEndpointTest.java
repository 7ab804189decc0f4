package io.litj.node.http.internal;

import static io.litj.node.auth.SessionKeyFixture.SESSION_KEY;
import static io.litj.node.auth.SessionKeyFixture.hex0x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.auth.LoginLimits;
import io.litj.node.auth.SessionKeyFixture;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.TestSessions;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsSecretKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /web/sign_session_key/v1} on three nodes holding real BLS shares of one root key
 * ({@code lit-node-behaviour.md} §1.3, §3; {@code js-sdk-v7-wire-format.md} §5.3–5.4): the wire form of the
 * answer, and that the client's combination is a {@code lit.bls} capability the session validator accepts. The
 * checks behind the endpoint are tested one by one in {@code io.litj.node.auth.SessionKeyAuthorizerTest}.
 */
class SignSessionKeyEndpointTest {
    private static final int NODES = 3;
    private static final List<String> RESPONSE_KEYS = List.of("result", "signatureShare", "shareIndex", "curveType",
            "siweMessage", "dataSigned", "blsRootPubkey");

    private static SessionKeyFixture net;
    private static ActionRuntime runtime;
    private static BlsSecretKey root;
    private static List<SignSessionKeyEndpoint> nodes;

    @BeforeAll
    static void network() {
        net = SessionKeyFixture.create();
        runtime = SessionKeyFixture.runtime();
        SeededRandom random = new SeededRandom(7);
        SecretScalar secret = SecretScalar.random(Group.BLS12_381_G1, random);
        root = BlsSecretKey.of(secret);
        List<BlsSecretKeyShare> shares = Shamir.split(secret, NetworkInfo.thresholdFor(NODES), NODES, random).stream()
                .map(BlsSecretKeyShare::of).toList();
        nodes = new ArrayList<>();
        for (NodeEntry entry : net.registry.nodes()) {
            nodes.add(new SignSessionKeyEndpoint(entry, net.registry, TestKeyShares.of(root.publicKey(),
                    shares.get(entry.index())), runtime, net.clock, LoginLimits.defaults()));
        }
    }

    @AfterAll
    static void close() {
        runtime.close();
        net.close();
    }

    @AfterEach
    void resetClock() {
        net.clock.set(SessionKeyFixture.NOW);
    }

    @Test
    void handle_walletSessionOnEveryNode_sharesCombineIntoALitBlsCapabilityTheValidatorAccepts() {
        JsonValue.JsonObject body = walletBody();
        List<JsonValue.JsonObject> answers = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            answers.add(answer(i, body));
            net.clock.advance(Duration.ofSeconds(3));
        }

        String siwe = string(answers.get(0), "siweMessage");
        byte[] dataSigned = BlsSessionMessage.of(siwe);
        List<BlsSignatureShare> shares = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            JsonValue.JsonObject a = answers.get(i);
            assertEquals(RESPONSE_KEYS, List.copyOf(a.members().keySet()));
            assertEquals("success", string(a, "result"));
            assertEquals(new JsonValue.JsonNumber(i), a.get("shareIndex").orElseThrow());
            assertEquals("BLS", string(a, "curveType"));
            assertEquals(siwe, string(a, "siweMessage"), "node " + i + " signed other bytes");
            assertEquals(Hex.encode(dataSigned), string(a, "dataSigned"));
            assertEquals(root.publicKey().toHex(), string(a, "blsRootPubkey"));
            JsonValue.JsonObject share = (JsonValue.JsonObject) a.get("signatureShare").orElseThrow();
            assertEquals(List.of("ProofOfPossession"), List.copyOf(share.members().keySet()));
            String hex = string(share, "ProofOfPossession");
            assertTrue(hex.matches("0" + (i + 1) + "[0-9a-f]{192}"), hex);
            shares.add(BlsSignatureShare.parseHex(hex));
        }
        BlsSignature signature = BlsCombiner.combineAndVerify(List.of(shares.get(2), shares.get(0)),
                NetworkInfo.thresholdFor(NODES), root.publicKey(), dataSigned);
        assertEquals(root.sign(dataSigned), signature);

        assertEquals(net.pkp.ethAddress(), SiweParser.parse(siwe).address());
        AuthContext auth = sessionWith(siwe, signature);
        assertEquals(net.pkp.ethAddress(), auth.caller().toChecksumString());
        JsonValue.JsonObject resolved = auth.resolvedAuthContext().orElseThrow();
        assertEquals(List.of(JsonValue.object().put("auth_context", resolved).build()),
                RecapCodec.decode(SiweParser.parse(siwe).resources().get(0))
                        .abilitiesOn("lit-resolvedauthcontext://*").orElseThrow().get("Auth/Auth"));
        // Lit.Auth of an action run with this session: Datil's members, the auth methods from the session
        JsonValue.JsonArray cid = strings(TestSessions.ACTION_CID);
        assertEquals(JsonValue.object().put("actionIpfsIds", cid).put("actionIpfsIdStack", cid)
                .put("authSigAddress", JsonValue.JsonNull.INSTANCE)
                .put("authMethodContexts", resolved.get("authMethodContexts").orElseThrow())
                .put("resources", strings()).put("customAuthResource", "").build(),
                ExecuteEndpoint.litAuth(auth, TestSessions.ACTION_CID));
        assertEquals(1, ((JsonValue.JsonArray) resolved.get("authMethodContexts").orElseThrow()).items().size());
    }

    /** A session sig whose capability is {@code siwe} signed by the network ({@code signature}), validated. */
    private static AuthContext sessionWith(String siwe, BlsSignature signature) {
        AuthSig capability = AuthSig.bls(signature.toWireJson(), siwe, net.pkp.ethAddress());
        AuthSig sessionSig = new SessionSigIssuer(net.clock).issue(SESSION_KEY, TestSessions.actionAndPkp(),
                        List.of(capability), net.clock.instant().plus(Duration.ofHours(1)),
                        List.of(TestSessions.NODE_URL))
                .forNode(TestSessions.NODE_URL).orElseThrow().toAuthSig();
        SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(net.clock)
                .blsVerifier(Bls.capabilityVerifier(root.publicKey())).build();
        ValidationResult result = validator.validate(sessionSig, LitResource.action(TestSessions.ACTION_CID),
                LitAbility.LIT_ACTION_EXECUTION);
        return assertInstanceOf(AuthContext.class, result, result::toString);
    }

    private static JsonValue.JsonArray strings(String... values) {
        return new JsonValue.JsonArray(java.util.Arrays.stream(values).<JsonValue>map(JsonValue.JsonString::new)
                .toList());
    }

    @Test
    void handle_litActionSessionWithoutAuthMethods_signsWithTheActionInTheAuthContext() {
        JsonValue.JsonObject body = JsonValue.object()
                .put("sessionKey", SESSION_KEY.uri())
                .put("authMethods", new JsonValue.JsonArray(List.of()))
                .put("pkpPublicKey", hex0x(net.pkpKey))
                .put("siweMessage", net.sessionSiwe().render())
                .put("curveType", "BLS")
                .put("code", Base64.getEncoder().encodeToString(
                        SessionKeyFixture.TRUE_ACTION.getBytes(StandardCharsets.UTF_8)))
                .put("jsParams", JsonValue.object().put("magic", new JsonValue.JsonNumber(42)).build())
                .put("epoch", new JsonValue.JsonNumber(0))
                .build();

        String siwe = string(answer(1, body), "siweMessage");

        JsonValue.JsonObject context = (JsonValue.JsonObject) RecapCodec.decode(SiweParser.parse(siwe).resources()
                .get(0)).abilitiesOn("lit-resolvedauthcontext://*").orElseThrow().get("Auth/Auth").get(0)
                .get("auth_context").orElseThrow();
        assertEquals(new JsonValue.JsonArray(List.of(new JsonValue.JsonString(SessionKeyFixture.TRUE_ACTION_CID))),
                context.get("actionIpfsIds").orElseThrow());
        assertEquals(new JsonValue.JsonString("true"), context.get("customAuthResource").orElseThrow());
        // an action run with this session sees the authorizing action under its own in the stack, and its answer
        AuthContext auth = sessionWith(siwe, root.sign(BlsSessionMessage.of(siwe)));
        assertEquals(JsonValue.object().put("actionIpfsIds", strings(TestSessions.ACTION_CID))
                .put("actionIpfsIdStack", strings(SessionKeyFixture.TRUE_ACTION_CID, TestSessions.ACTION_CID))
                .put("authSigAddress", JsonValue.JsonNull.INSTANCE).put("authMethodContexts", strings())
                .put("resources", strings()).put("customAuthResource", "true").build(),
                ExecuteEndpoint.litAuth(auth, TestSessions.ACTION_CID));
    }

    @Test
    void handle_litActionAnsweringFalse_refusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        JsonValue.JsonObject body = with(walletBody(), "code", new JsonValue.JsonString(Base64.getEncoder()
                .encodeToString("LitActions.setResponse({response: 'false'});".getBytes(StandardCharsets.UTF_8))));

        LitNodeException e = refused(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed, 0, body);
        assertEquals(List.of("LitActionCheck: " + e.getMessage()), e.details());
    }

    @Test
    void handle_walletNotPermitted_refusedWithNodePKPNotAuthorized() {
        JsonValue.JsonObject body = with(with(walletBody(), "pkpPublicKey",
                new JsonValue.JsonString(hex0x(net.strangerPkpKey))), "siweMessage",
                new JsonValue.JsonString(net.sessionSiwe(net.strangerPkpKey).render()));

        LitNodeException e = refused(LitErrorCode.NodePKPNotAuthorized, 2, body);
        assertEquals(List.of("PkpPermissionCheck: " + e.getMessage()), e.details());
    }

    @Test
    void handle_authSigPresent_refusedWithNodeInvalidAuthSigForSessionKey() {
        JsonValue.JsonObject body = with(walletBody(), "authSig", TestSessions.walletGrant().toJson());

        refused(LitErrorCode.NodeInvalidAuthSigForSessionKey, 0, body);
    }

    @Test
    void handle_curveTypeNotBls_refusedWithNodeInvalidCurveType() {
        LitNodeException e = refused(LitErrorCode.NodeInvalidCurveType, 0, with(walletBody(), "curveType",
                new JsonValue.JsonString("K256")));
        assertEquals("curveType must be BLS but is 'K256'", e.getMessage());
        JsonValue.ObjectBuilder without = JsonValue.object();
        walletBody().members().forEach((k, v) -> {
            if (!k.equals("curveType")) {
                without.put(k, v);
            }
        });
        refused(LitErrorCode.NodeInvalidCurveType, 0, without.build());
    }

    @Test
    void handle_malformedFields_refusedWithNodeBadInput() {
        JsonValue.JsonObject good = walletBody();
        List<JsonValue.JsonObject> bad = List.of(
                with(good, "sessionKey", new JsonValue.JsonNumber(1)),
                with(good, "siweMessage", JsonValue.JsonNull.INSTANCE),
                with(good, "authMethods", JsonValue.JsonNull.INSTANCE),
                with(good, "authMethods", new JsonValue.JsonArray(List.of(JsonValue.object()
                        .put("authMethodType", "1").put("accessToken", "x").build()))),
                with(good, "authMethods", new JsonValue.JsonArray(List.of(JsonValue.object()
                        .put("authMethodType", new JsonValue.JsonNumber(1.5)).put("accessToken", "x").build()))),
                with(good, "code", new JsonValue.JsonString("%%% not base64")),
                with(good, "code", new JsonValue.JsonString(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3,
                        0x28}))),
                with(good, "jsParams", new JsonValue.JsonArray(List.of())));
        for (JsonValue.JsonObject body : bad) {
            refused(LitErrorCode.NodeBadInput, 0, body);
        }
    }

    @Test
    void handle_nodeWithoutRootKeyShare_refusedWithNodeBLSRootKeyNotFound() {
        NodeEntry entry = net.registry.nodes().get(0);
        SignSessionKeyEndpoint beforeDkg = new SignSessionKeyEndpoint(entry, net.registry, TestKeyShares.none(),
                runtime, net.clock, LoginLimits.defaults());

        LitNodeException e = assertThrows(LitNodeException.class, () -> beforeDkg.handle(request(walletBody())));

        assertEquals(LitErrorCode.NodeBLSRootKeyNotFound, e.code());
    }

    @Test
    void handle_shareOfAnotherNode_refusedWithNodeSystemFault() {
        NodeEntry entry = net.registry.nodes().get(0);
        BlsSecretKeyShare second = BlsSecretKeyShare.fromBytes(2, new byte[] {
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5});
        SignSessionKeyEndpoint mixedUp = new SignSessionKeyEndpoint(entry, net.registry,
                TestKeyShares.of(root.publicKey(), second), runtime, net.clock, LoginLimits.defaults());

        assertEquals(LitErrorCode.NodeSystemFault, assertThrows(LitNodeException.class,
                () -> mixedUp.handle(request(walletBody()))).code());
    }

    /** What the JS SDK's getPkpSessionSigs sends for an EthWallet auth method (§5.3). */
    private static JsonValue.JsonObject walletBody() {
        JsonValue authMethod = JsonValue.object().put("authMethodType", new JsonValue.JsonNumber(1))
                .put("accessToken", net.walletToken()).build();
        return JsonValue.object()
                .put("sessionKey", SESSION_KEY.uri())
                .put("authMethods", new JsonValue.JsonArray(List.of(authMethod)))
                .put("pkpPublicKey", hex0x(net.pkpKey))
                .put("siweMessage", net.sessionSiwe().render())
                .put("curveType", "BLS")
                .put("epoch", new JsonValue.JsonNumber(5))
                .build();
    }

    private static JsonValue.JsonObject answer(int node, JsonValue.JsonObject body) {
        NodeResponse r = nodes.get(node).handle(request(body));
        assertEquals(200, r.status());
        return (JsonValue.JsonObject) r.body();
    }

    private static LitNodeException refused(LitErrorCode code, int node, JsonValue.JsonObject body) {
        LitNodeException e = assertThrows(LitNodeException.class, () -> nodes.get(node).handle(request(body)));
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    private static NodeRequest request(JsonValue.JsonObject body) {
        return new NodeRequest(body, Map.of("content-type", "application/json"), "test-correlation-id");
    }

    private static JsonValue.JsonObject with(JsonValue.JsonObject body, String name, JsonValue value) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        body.members().forEach(b::put);
        return b.put(name, value).build();
    }

    private static String string(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow()).value();
    }
}
