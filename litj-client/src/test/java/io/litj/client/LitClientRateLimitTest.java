package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.FakeAccAnswers;
import io.litj.client.testing.FakeBlsNetwork;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Datil's rate-limit refusal ({@code lit-node-behaviour.md} §5) surfaces as {@link RateLimitExceededException} with
 * the retry time on every paid path: executeJs, pkpSign, decrypt, getSignedToken. Nodes are a recording fake
 * transport holding real BLS shares; chosen nodes answer a path with the exact Datil body.
 */
class LitClientRateLimitTest {
    private static final String EXECUTE = "/web/execute/v1";
    private static final String PKP_SIGN = "/web/pkp/sign/v1";
    private static final String AT_1 = "2025-01-01T00:16:40.123456789+00:00";
    private static final String AT_2 = "2025-01-01T00:20:00+00:00";

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final FakeBlsNetwork network = new FakeBlsNetwork(LitClientEncryptionTest.NODES, 2, new SecureRandom());
    /** node index → (path → reply). */
    private final Map<Integer, Map<String, RawHttpResponse>> replies = new ConcurrentHashMap<>();
    private final RecordingNodeTransport transport = new RecordingNodeTransport(call -> {
        int node = LitClientEncryptionTest.NODES.indexOf(call.url().getScheme() + "://" + call.url().getAuthority());
        RawHttpResponse reply = replies.getOrDefault(node, Map.of()).get(call.path());
        return reply != null ? reply : network.answer(call);
    });
    @AutoClose
    private final LitClient client = connected(LitClient.builder().nodeUrls(LitClientEncryptionTest.NODES)
            .minNodeCount(2).blockHashUrl(LitClientEncryptionTest.BLOCKS).clock(clock).transport(transport).build());

    private static LitClient connected(LitClient client) {
        client.connect();
        return client;
    }

    /** Datil's body, exactly: {@code {"message":"Rate limit exceeded.  Try again …","errorCode":"rate_limit_exceeded"}}. */
    private static RawHttpResponse rateLimited(int status, String tryAgain) {
        return new RawHttpResponse(status, "application/json", "{\"message\":\"Rate limit exceeded.  Try again "
                + tryAgain + "\",\"errorCode\":\"rate_limit_exceeded\"}");
    }

    private void answer(String path, RawHttpResponse reply, int... nodes) {
        for (int n : nodes) {
            replies.computeIfAbsent(n, k -> new ConcurrentHashMap<>()).put(path, reply);
        }
    }

    private SessionSigs session(List<ResourceAbilityRequest> resources) {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.of(resources), TestSessions.WALLET));
    }

    private EncryptResult encrypted() {
        return client.encrypt(LitClientEncryptionTest.CONDITIONS, "paid".getBytes(StandardCharsets.UTF_8));
    }

    private DecryptRequest decryptRequest(EncryptResult encrypted) {
        return DecryptRequest.of(LitClientEncryptionTest.CONDITIONS, encrypted, session(DecryptRequest
                .sessionResources(LitClientEncryptionTest.CONDITIONS, encrypted.dataToEncryptHash())));
    }

    @Test
    void executeJs_every402_isRateLimitExceededWithTheNodesRetryTime() {
        answer(EXECUTE, rateLimited(402, "at " + AT_1), 0, 1, 2);
        SessionSigs sigs = session(List.of(ResourceAbilityRequest.of(LitResource.action("*"),
                LitAbility.LIT_ACTION_EXECUTION)));
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class, () -> client.executeJs(
                ExecuteJsRequest.builder().code("Lit.Actions.setResponse({response: 'x'})").sessionSigs(sigs)
                        .build()));
        assertEquals(LitErrorCode.RateLimitExceeded, e.code());
        assertEquals(Optional.of(Instant.parse("2025-01-01T00:16:40.123456789Z")), e.retryAt());
        assertEquals(3, e.nodeFailures().size());
        assertEquals("rate_limit_exceeded", e.nodeErrorCode().orElseThrow());
        assertEquals(402, e.nodeFailures().get(0).httpStatus());
        assertTrue(e.getMessage().startsWith("executeJs refused: rate limit exceeded on 3 of 3 nodes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("try again at 2025-01-01T00:16:40.123456789Z"), e.getMessage());
    }

    @Test
    void pkpSign_400WithTheRateLimitCode_isRateLimitExceeded() {
        String pkp = "04" + "11".repeat(64);
        answer(PKP_SIGN, rateLimited(400, "at " + AT_2), 0, 1, 2);
        SessionSigs sigs = session(PkpSignRequest.sessionResources(pkp));
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class,
                () -> client.pkpSign(PkpSignRequest.of(Hashes.keccak256("x"), "0x" + pkp, sigs)));
        assertEquals(Optional.of(Instant.parse("2025-01-01T00:20:00Z")), e.retryAt());
        assertEquals(400, e.nodeFailures().get(0).httpStatus());
    }

    @Test
    void decrypt_tooFewSharesBecauseOfTheRateLimit_isRateLimitExceededWithTheLatestRetryTime() {
        EncryptResult encrypted = encrypted();
        DecryptRequest request = decryptRequest(encrypted);
        answer(FakeAccAnswers.ENCRYPTION_SIGN, rateLimited(402, "at " + AT_1), 0);
        answer(FakeAccAnswers.ENCRYPTION_SIGN, rateLimited(402, "at " + AT_2), 1);
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class, () -> client.decrypt(request));
        assertEquals(Optional.of(Instant.parse("2025-01-01T00:20:00Z")), e.retryAt(), "the later of the two");
        assertEquals(2, e.nodeFailures().size());
    }

    @Test
    void decrypt_oneNodeRateLimited_theOtherTwoSuffice() {
        EncryptResult encrypted = encrypted();
        DecryptRequest request = decryptRequest(encrypted);
        answer(FakeAccAnswers.ENCRYPTION_SIGN, rateLimited(402, "at " + AT_1), 2);
        assertTrue(client.decrypt(request).sameSecretAs("paid".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void getSignedToken_tryAgainLater_isRateLimitExceededWithoutRetryTime() {
        SignedTokenRequest request = SignedTokenRequest.of(LitClientEncryptionTest.CONDITIONS,
                session(SignedTokenRequest.sessionResources(LitClientEncryptionTest.CONDITIONS)));
        answer(FakeAccAnswers.SIGN_ACCS, rateLimited(402, "later."), 0, 1, 2);
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class,
                () -> client.getSignedToken(request));
        assertEquals(Optional.empty(), e.retryAt());
        assertTrue(e.getMessage().contains("try again later"), e.getMessage());
    }

    @Test
    void executeJs_otherRefusal_staysANodeErrorWithTheNodesCodeAndMessage() {
        // a delegation refused for another reason than quota: the node's own code and message reach the caller
        String body = JsJson.stringify(JsonValue.object().put("errorKind", "Validation")
                .put("errorCode", "NodeNotAuthorized").put("status", new JsonValue.JsonNumber(403))
                .put("message", "capacity delegation refused: token 7 is not owned by the delegator").build());
        answer(EXECUTE, new RawHttpResponse(403, "application/json", body), 0, 1, 2);
        SessionSigs sigs = session(List.of(ResourceAbilityRequest.of(LitResource.action("*"),
                LitAbility.LIT_ACTION_EXECUTION)));
        LitClientException e = assertThrows(LitClientException.class, () -> client.executeJs(
                ExecuteJsRequest.builder().code("1").sessionSigs(sigs).build()));
        assertFalse(e instanceof RateLimitExceededException);
        assertEquals(LitErrorCode.NodeError, e.code());
        assertEquals("NodeNotAuthorized", e.nodeErrorCode().orElseThrow());
        assertEquals("capacity delegation refused: token 7 is not owned by the delegator",
                e.nodeFailures().get(0).message());
    }

    @Test
    void rateLimitExceeded_isALitClientException() {
        assertInstanceOf(LitClientException.class, new RateLimitExceededException("m", List.of(), Optional.empty()));
    }
}
