package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.ChainConfig;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.node.testing.TestChain;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.MutableClock;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockCiphertext;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /web/encryption/sign} and {@code /web/signing/access_control_condition} on three nodes holding DKG shares
 * of the network key (threshold 2), conditions evaluated against a JSON-RPC test chain: two decryption shares
 * combine into the key that opens a {@link TimeLock} ciphertext, JWT shares combine over the unsigned JWT, and each
 * refusal comes with its code.
 */
class AccNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final PrivateKeyEthSigner OWNER = PrivateKeyEthSigner.fromHex("61".repeat(32));
    private static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex("62".repeat(32));
    private static final SessionKeyPair KEY = SessionKeyPair.fromSeed(Hex.decode("63".repeat(32), "seed"));
    private static final byte[] PLAINTEXT = "the launch code".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static TestChain chain;
    private static NodeNetwork net;
    private static ConditionSet conditions;
    private static AccIdentity identity;

    @BeforeAll
    static void start() {
        chain = TestChain.start().balance(OWNER.address(), BigInteger.TEN);
        net = NodeNetwork.start(dir, 3, CLOCK, NodeNetwork.QUICK_LIMITS,
                ChainConfig.of(Map.of("ethereum", chain.url())).withRpcTimeout(Duration.ofMillis(500)));
        conditions = ConditionSet.parse(ConditionKind.BASIC, "[" + isOwner() + ",{\"operator\":\"and\"},"
                + "{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":"
                + "\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":"
                + "\">=\",\"value\":\"10\"}}]");
        identity = AccIdentity.of(conditions, PLAINTEXT);
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    private static String isOwner() {
        return "{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"\","
                + "\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
                + OWNER.address().toChecksumString() + "\"}}";
    }

    private static SessionSigs sessions(PrivateKeyEthSigner wallet, ResourceAbilityRequest grant) {
        return new LiveSessions(CLOCK, wallet, KEY).issue(List.of(grant), List.of(grant), Duration.ofHours(1),
                net.urls());
    }

    private static JsonValue authSig(SessionSigs sigs, int node) {
        return sigs.forNode(net.url(node)).orElseThrow().toAuthSig().toJson();
    }

    private static JsonValue.ObjectBuilder body(ConditionSet set, JsonValue authSig) {
        return JsonValue.object().put(set.kind().field(), set.canonicalArray())
                .put("chain", "ethereum").put("authSig", authSig).put("epoch", new JsonValue.JsonNumber(1));
    }

    private static Reply decryptionShare(int node, ConditionSet set, String dataHash, JsonValue authSig) {
        return net.http().post(net.url(node) + "/web/encryption/sign/v1",
                body(set, authSig).put("dataToEncryptHash", dataHash).build());
    }

    private static BlsSignatureShare share(Reply reply) {
        return BlsSignatureShare.parseWire(JsJson.stringify(reply.member("signatureShare")));
    }

    @Test
    void sharesFromTwoNodesOpenACiphertextMadeForTheNetworkKey() {
        TimeLockCiphertext ciphertext = TimeLock.encrypt(net.networkPublicKey(), identity.message(), PLAINTEXT,
                new SecureRandom());
        SessionSigs sigs = sessions(OWNER, identity.decryptionRequest());
        List<BlsSignatureShare> shares = new ArrayList<>();
        for (int node : new int[] {0, 2}) {
            Reply r = decryptionShare(node, conditions, identity.dataToEncryptHash(), authSig(sigs, node));
            assertEquals(200, r.status(), r.toString());
            assertEquals("success", r.string("result"));
            assertEquals(node, (int) ((JsonValue.JsonNumber) r.member("shareIndex")).value());
            shares.add(share(r));
        }
        BlsSignature key = BlsCombiner.combineAndVerify(shares, 2, net.networkPublicKey(), identity.message());
        assertArrayEquals(PLAINTEXT, TimeLock.decrypt(ciphertext, key).exportSecret());
    }

    @Test
    void aBareWalletAuthSigIsAcceptedAsOnDatil() {
        AuthSig wallet = AuthSigs.generate(OWNER, LitSiweBuilder.create(OWNER.address(), LiveSessions.NONCE)
                .clock(CLOCK).expiration(CLOCK.instant().plus(Duration.ofMinutes(10))).build());
        Reply r = decryptionShare(1, conditions, identity.dataToEncryptHash(), wallet.toJson());
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void theWrongWalletIsNotAuthorized() {
        SessionSigs sigs = sessions(STRANGER, identity.decryptionRequest());
        Reply r = decryptionShare(0, conditions, identity.dataToEncryptHash(), authSig(sigs, 0));
        assertEquals(401, r.status());
        assertEquals("NodeAccessControlConditionsReturnedNotAuthorized", r.errorCode());
    }

    @Test
    void aSessionForAnotherDataHashIsRefused() {
        AccIdentity other = new AccIdentity(conditions.hashHex(), "ab".repeat(32));
        SessionSigs sigs = sessions(OWNER, other.decryptionRequest());
        Reply r = decryptionShare(0, conditions, identity.dataToEncryptHash(), authSig(sigs, 0));
        assertRefused(r, 404, "NodeResourceIdNotFound");
    }

    @Test
    void moreThanThirtyConditionsAreRefusedFirst() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 31; i++) {
            many.append(i == 0 ? "" : ",{\"operator\":\"and\"},").append(isOwner());
        }
        Reply r = net.http().post(net.url(0) + "/web/encryption/sign", "{\"accessControlConditions\":" + many
                + "],\"dataToEncryptHash\":\"nothex\"}");
        assertEquals(400, r.status());
        assertEquals("NodeTooManyConditions", r.errorCode());
    }

    @Test
    void aConditionOnAnUnconfiguredChainIsRefused() {
        ConditionSet polygon = ConditionSet.parse(ConditionKind.BASIC, "[{\"contractAddress\":\"\",\"chain\":"
                + "\"polygon\",\"standardContractType\":\"\",\"method\":\"eth_getBalance\",\"parameters\":["
                + "\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]");
        AccIdentity id = AccIdentity.of(polygon, PLAINTEXT);
        SessionSigs sigs = sessions(OWNER, id.decryptionRequest());
        Reply r = decryptionShare(0, polygon, id.dataToEncryptHash(), authSig(sigs, 0));
        assertEquals(400, r.status());
        assertEquals("NodeChainNotConfigured", r.errorCode());
    }

    private static Reply jwtShare(int node, JsonValue authSig, long iat, long exp) {
        return net.http().post(net.url(node) + "/web/signing/access_control_condition/v1",
                body(conditions, authSig).put("iat", new JsonValue.JsonNumber(iat))
                        .put("exp", new JsonValue.JsonNumber(exp)).build());
    }

    @Test
    void jwtSharesCombineOverTheUnsignedJwtWhoseSubjectIsTheProvenWallet() {
        SessionSigs sigs = sessions(OWNER, AccIdentity.signingRequest(conditions));
        long now = CLOCK.instant().getEpochSecond();
        List<BlsSignatureShare> shares = new ArrayList<>();
        List<String> jwts = new ArrayList<>();
        for (int node : new int[] {1, 2}) {
            Reply r = jwtShare(node, authSig(sigs, node), now, now + 3600);
            assertEquals(200, r.status(), r.toString());
            shares.add(share(r));
            jwts.add(r.string("unsignedJwt"));
        }
        assertEquals(jwts.get(0), jwts.get(1));
        String[] parts = jwts.get(0).split("\\.");
        assertEquals("{\"alg\":\"BLS12-381\",\"typ\":\"JWT\"}", decode(parts[0]));
        assertEquals("{\"iss\":\"LIT\",\"sub\":\"" + OWNER.address().toChecksumString() + "\",\"chain\":\"ethereum\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"accessControlConditions\":"
                + conditions.canonicalJson() + ",\"evmContractConditions\":null,\"solRpcConditions\":null,"
                + "\"unifiedAccessControlConditions\":null}", decode(parts[1]));
        BlsCombiner.combineAndVerify(shares, 2, net.networkPublicKey(),
                jwts.get(0).getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String part) {
        return new String(java.util.Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    @Test
    void iatAndExpWindowsAreExactToTheSecond() {
        SessionSigs sigs = sessions(OWNER, AccIdentity.signingRequest(conditions));
        JsonValue auth = authSig(sigs, 0);
        long now = CLOCK.instant().getEpochSecond();
        assertEquals(200, jwtShare(0, auth, now - 180, now + 60).status());
        assertEquals(200, jwtShare(0, auth, now + 180, now + 180 + 43_200).status());
        assertEquals(200, jwtShare(0, auth, now, now - 180).status());
        assertRefused(jwtShare(0, auth, now - 181, now + 60), 403, "NodeIatOutsideGracePeriod");
        assertRefused(jwtShare(0, auth, now + 181, now + 600), 403, "NodeIatOutsideGracePeriod");
        assertRefused(jwtShare(0, auth, now, now + 180 + 43_201), 403, "NodeExpWrongOrTooLarge");
        assertRefused(jwtShare(0, auth, now, now - 181), 403, "NodeExpWrongOrTooLarge");
    }

    @Test
    void aDecryptionSessionDoesNotSignJwts() {
        SessionSigs sigs = sessions(OWNER, identity.decryptionRequest());
        long now = CLOCK.instant().getEpochSecond();
        assertRefused(jwtShare(0, authSig(sigs, 0), now, now + 60), 404, "NodeResourceIdNotFound");
    }

    @Test
    void malformedRequestsAreRefusedBeforeAnyAuth() {
        JsonValue none = JsonValue.JsonNull.INSTANCE;
        assertRefused(net.http().post(net.url(0) + "/web/encryption/sign", "{\"dataToEncryptHash\":\""
                + identity.dataToEncryptHash() + "\"}"), 400, "NodeMissingAccessControlConditions");
        assertRefused(decryptionShare(0, conditions, "ABCD", none), 422, "NodeBadInput");
        assertRefused(net.http().post(net.url(0) + "/web/signing/access_control_condition",
                body(conditions, none).build()), 422, "NodeBadInput");
        assertRefused(jwtShare(0, none, -1, 0), 422, "NodeBadInput");
        assertRefused(net.http().post(net.url(0) + "/web/encryption/sign/", "{\"accessControlConditions\":"
                + "[{\"chain\":\"ethereum\"}],\"dataToEncryptHash\":\"" + identity.dataToEncryptHash() + "\"}"),
                400, "NodeParserError");
    }

    private static void assertRefused(Reply r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(code, r.errorCode(), r.toString());
    }
}
