package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.FakeAccAnswers;
import io.litj.client.testing.FakeBlsNetwork;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code getSignedToken} against nodes holding real shares of a network BLS key, and {@link Jwt#verify} of what it
 * returns: a good token, a flipped byte, a token outside its window, and nodes that claim something else.
 */
class LitClientSignedTokenTest {
    private static final Instant NOW = TestSessions.NOW;
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeBlsNetwork network = new FakeBlsNetwork(LitClientEncryptionTest.NODES, 2, new SecureRandom());
    private final RecordingNodeTransport transport = new RecordingNodeTransport(network::answer);
    private LitClient client;

    @BeforeEach
    void connect() {
        client = LitClient.builder().nodeUrls(LitClientEncryptionTest.NODES).minNodeCount(2)
                .blockHashUrl(LitClientEncryptionTest.BLOCKS).clock(clock).transport(transport).build();
        client.connect();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private SignedTokenRequest request() {
        return SignedTokenRequest.of(LitClientEncryptionTest.CONDITIONS, client.getSessionSigs(SessionRequest.of(
                SessionTerms.of(SignedTokenRequest.sessionResources(LitClientEncryptionTest.CONDITIONS)),
                TestSessions.WALLET)));
    }

    private String key() {
        return client.networkPublicKey().orElseThrow();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void getSignedToken_verifiesUnderTheNetworkKey_withTheAskedClaims() {
        String jwt = client.getSignedToken(request());
        JwtClaims claims = Jwt.verify(jwt, key(), at(NOW));
        assertEquals("LIT", claims.issuer());
        assertEquals(FakeAccAnswers.SUBJECT, claims.subject());
        assertEquals("ethereum", claims.chain());
        assertEquals(NOW, claims.issuedAt());
        assertEquals(NOW.plus(SignedTokenRequest.MAX_LIFETIME), claims.expiresAt());
        assertEquals(LitClientEncryptionTest.CONDITIONS.hashHex(), claims.conditions().hashHex());
    }

    @Test
    void getSignedToken_sendsIatExpAndTheSigningResourceSession() {
        SignedTokenRequest request = request();
        transport.reset();
        client.getSignedToken(request);
        List<RecordingNodeTransport.Call> calls = transport.callsTo(FakeAccAnswers.SIGN_ACCS);
        assertEquals(3, calls.size());
        long iat = NOW.getEpochSecond();
        assertTrue(calls.get(0).body().endsWith(",\"iat\":" + iat + ",\"exp\":" + (iat + 43200) + ",\"epoch\":3}"),
                calls.get(0).body());
        assertEquals("lit-accesscontrolcondition://" + LitClientEncryptionTest.CONDITIONS.hashHex(),
                AccIdentity.signingResource(LitClientEncryptionTest.CONDITIONS).key());
    }

    @Test
    void verify_flippedByteInPayload_refusedAsInvalidSignature() {
        String jwt = client.getSignedToken(request());
        int dot = jwt.indexOf('.');
        char c = jwt.charAt(dot + 5);
        String flipped = jwt.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + jwt.substring(dot + 6);
        LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(flipped, key(), at(NOW)));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void verify_flippedByteInSignature_refused() {
        String jwt = client.getSignedToken(request());
        int last = jwt.lastIndexOf('.');
        char c = jwt.charAt(last + 10);
        String flipped = jwt.substring(0, last + 10) + (c == 'A' ? 'B' : 'A') + jwt.substring(last + 11);
        LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(flipped, key(), at(NOW)));
        assertTrue(e.code() == LitErrorCode.InvalidSignature || e.code() == LitErrorCode.InvalidArgument, e.code()
                + "");
    }

    @Test
    void verify_atExp_refused_oneSecondBefore_accepted() {
        String jwt = client.getSignedToken(request());
        Instant exp = NOW.plus(SignedTokenRequest.MAX_LIFETIME);
        Jwt.verify(jwt, key(), at(exp.minusSeconds(1)));
        LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(jwt, key(), at(exp)));
        assertEquals(LitErrorCode.NodeExpWrongOrTooLarge, e.code());
        assertEquals("the token expired at 2025-01-01T12:00:00Z (now 2025-01-01T12:00:00Z)", e.getMessage());
    }

    @Test
    void verify_iatBeyondTheSkew_refused_atTheSkew_accepted() {
        String jwt = client.getSignedToken(request());
        Jwt.verify(jwt, key(), at(NOW.minus(Jwt.CLOCK_SKEW)));
        LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(jwt, key(),
                at(NOW.minus(Jwt.CLOCK_SKEW).minusSeconds(1))));
        assertEquals(LitErrorCode.NodeIatOutsideGracePeriod, e.code());
    }

    @Test
    void verify_otherNetworkKey_refused() {
        String jwt = client.getSignedToken(request());
        network.newNetworkKey();
        LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(jwt,
                network.publicKey().toHex(), at(NOW)));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void verify_malformedToken_refusedAsInvalidArgument() {
        for (String bad : List.of("", "a.b", "a.b.c.d", "a.b.c", "x".repeat(Jwt.MAX_CHARS + 1))) {
            LitClientException e = assertThrows(LitClientException.class, () -> Jwt.verify(bad, key(), at(NOW)));
            assertEquals(LitErrorCode.InvalidArgument, e.code(), bad);
        }
    }

    @Test
    void getSignedToken_nodesClaimAnotherChain_refused() {
        network.acc().editPayload(p -> p.replace("\"chain\":\"ethereum\"", "\"chain\":\"polygon\""));
        SignedTokenRequest request = request();
        LitClientException e = assertThrows(LitClientException.class, () -> client.getSignedToken(request));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertTrue(e.getMessage().contains("not the token asked for"), e.getMessage());
    }

    @Test
    void getSignedToken_nodesRefuse_refusedWithTheirCode() {
        SignedTokenRequest request = request();
        for (int i = 0; i < 3; i++) {
            network.acc().refuse(i, LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized);
        }
        LitClientException e = assertThrows(LitClientException.class, () -> client.getSignedToken(request));
        assertEquals("NodeAccessControlConditionsReturnedNotAuthorized", e.nodeErrorCode().orElseThrow());
    }

    @Test
    void signedTokenRequest_expNotAfterIat_refused() {
        SignedTokenRequest request = request();
        LitClientException e = assertThrows(LitClientException.class, () -> request.withWindow(NOW, NOW));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }
}
