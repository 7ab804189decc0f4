package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.FakeAccAnswers;
import io.litj.client.testing.FakeBlsNetwork;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code encrypt} and {@code decrypt} against nodes holding real shares of a network BLS key (a recording fake
 * transport): the JS SDK's request, combining, verification, the integrity check and each refusal.
 */
class LitClientEncryptionTest {
    static final List<String> NODES = List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471",
            "http://127.0.0.1:7472");
    static final URI BLOCKS = URI.create("http://127.0.0.1:8545/get_most_recent_valid_block");
    static final ConditionSet CONDITIONS = ConditionSet.parse(ConditionKind.BASIC, "[{\"contractAddress\":\"\","
            + "\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":[\":userAddress\"],"
            + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"" + FakeAccAnswers.SUBJECT + "\"}}]");
    private static final byte[] SECRET = "the launch codes".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final FakeBlsNetwork network = new FakeBlsNetwork(NODES, 2, new SecureRandom());
    private final RecordingNodeTransport transport = new RecordingNodeTransport(network::answer);
    private LitClient client;

    @BeforeEach
    void connect() {
        client = LitClient.builder().nodeUrls(NODES).minNodeCount(2).blockHashUrl(BLOCKS).clock(clock)
                .transport(transport).build();
        client.connect();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private SessionSigs sessionFor(EncryptResult encrypted) {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.of(DecryptRequest.sessionResources(CONDITIONS,
                encrypted.dataToEncryptHash())), TestSessions.WALLET));
    }

    private DecryptRequest request(EncryptResult encrypted) {
        return DecryptRequest.of(CONDITIONS, encrypted, sessionFor(encrypted));
    }

    @Test
    void encrypt_thenDecrypt_returnsThePlaintext() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        assertEquals(AccIdentity.dataToEncryptHash(SECRET), encrypted.dataToEncryptHash());
        DecryptedData data = client.decrypt(request(encrypted));
        assertArrayEquals(SECRET, data.exportSecret());
        assertTrue(data.sameSecretAs(SECRET));
    }

    @Test
    void decrypt_sendsTheJsSdkBodyToEveryNode_eachWithItsOwnSessionSig() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        DecryptRequest request = request(encrypted);
        transport.reset();
        client.decrypt(request);
        List<RecordingNodeTransport.Call> calls = transport.callsTo(FakeAccAnswers.ENCRYPTION_SIGN);
        assertEquals(3, calls.size());
        for (RecordingNodeTransport.Call call : calls) {
            String node = call.url().getScheme() + "://" + call.url().getAuthority();
            assertTrue(call.body().startsWith("{\"accessControlConditions\":" + CONDITIONS.canonicalJson()
                    + ",\"dataToEncryptHash\":\"" + encrypted.dataToEncryptHash() + "\",\"chain\":\"ethereum\","
                    + "\"authSig\":{"), call.body());
            assertTrue(call.body().contains(request.sessionSigs().forNode(node).orElseThrow().sig()), node);
            assertTrue(call.body().endsWith(",\"epoch\":3}"), call.body());
        }
    }

    @Test
    void decrypt_oneNodeRefuses_theOtherTwoSuffice() {
        network.acc().refuse(2, LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized);
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        assertTrue(client.decrypt(request(encrypted)).sameSecretAs(SECRET));
    }

    @Test
    void decrypt_conditionsNotMet_refusedWithTheNodesCode() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        DecryptRequest request = request(encrypted);
        for (int i = 0; i < 3; i++) {
            network.acc().refuse(i, LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized);
        }
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request));
        assertEquals(LitErrorCode.NodeError, e.code());
        assertEquals("NodeAccessControlConditionsReturnedNotAuthorized", e.nodeErrorCode().orElseThrow());
    }

    @Test
    void decrypt_tamperedCiphertext_failsTheIntegrityCheck() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        byte[] bytes = Base64.getDecoder().decode(encrypted.ciphertext());
        bytes[48 + 32 + 1 + 3] ^= 1;
        EncryptResult tampered = new EncryptResult(Base64.getEncoder().encodeToString(bytes),
                encrypted.dataToEncryptHash());
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request(tampered)));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertTrue(e.getMessage().contains("does not open"), e.getMessage());
    }

    @Test
    void decrypt_nodesSignAnotherIdentity_refusedBeforeDecrypting() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        network.acc().signDataHash("00".repeat(32));
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request(encrypted)));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertTrue(e.getMessage().contains("do not combine"), e.getMessage());
    }

    @Test
    void decrypt_sharesOfAnotherKey_refused() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        network.signWithAnotherKey();
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request(encrypted)));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void decrypt_malformedCiphertext_refusedWithoutContactingNodes() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        DecryptRequest request = new DecryptRequest(CONDITIONS, "not base64!", encrypted.dataToEncryptHash(),
                "ethereum", sessionFor(encrypted));
        transport.reset();
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(transport.callsTo(FakeAccAnswers.ENCRYPTION_SIGN).isEmpty());
    }

    @Test
    void decryptRequest_uppercaseHash_refused() {
        LitClientException e = assertThrows(LitClientException.class, () -> DecryptRequest.sessionResources(
                CONDITIONS, "AB".repeat(32)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void encrypt_beforeConnect_refused() {
        LitClient fresh = LitClient.builder().nodeUrls(NODES).transport(transport).build();
        LitClientException e = assertThrows(LitClientException.class, () -> fresh.encrypt(CONDITIONS, SECRET));
        assertEquals(LitErrorCode.ClientNotReady, e.code());
    }

    @Test
    void encryptAndDecrypt_networkWithoutAKey_areInitError() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        DecryptRequest request = request(encrypted);
        RecordingNodeTransport noKey = new RecordingNodeTransport(call -> {
            RawHttpResponse r = network.answer(call);
            return new RawHttpResponse(r.status(), r.contentType(), r.body().replace(network.publicKey().toHex(),
                    "ERR"));
        });
        try (LitClient keyless = LitClient.builder().nodeUrls(NODES).minNodeCount(2).blockHashUrl(BLOCKS)
                .clock(clock).transport(noKey).build()) {
            keyless.connect();
            assertEquals(LitErrorCode.InitError, assertThrows(LitClientException.class,
                    () -> keyless.encrypt(CONDITIONS, SECRET)).code());
            assertEquals(LitErrorCode.InitError, assertThrows(LitClientException.class,
                    () -> keyless.decrypt(request)).code());
            assertTrue(noKey.callsTo(FakeAccAnswers.ENCRYPTION_SIGN).isEmpty());
        }
    }

    @Test
    void decrypt_sessionForAnotherNodeSet_refusedBeforeSending() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        DecryptRequest request = new DecryptRequest(CONDITIONS, encrypted.ciphertext(), encrypted.dataToEncryptHash(),
                "ethereum", new SessionSigs(Map.of()));
        transport.reset();
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(transport.callsTo(FakeAccAnswers.ENCRYPTION_SIGN).isEmpty());
    }

    @Test
    void decryptedData_toString_showsTheLengthOnly() {
        EncryptResult encrypted = client.encrypt(CONDITIONS, SECRET);
        DecryptedData data = client.decrypt(request(encrypted));
        assertEquals("DecryptedData[16 bytes]", data.toString());
        assertFalse(String.valueOf(data).contains("launch"));
        assertFalse(encrypted.toString().contains(encrypted.ciphertext()));
    }
}
