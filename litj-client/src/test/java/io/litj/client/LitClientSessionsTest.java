package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.CountingSigner;
import io.litj.protocol.testing.MutableClock;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.TestSessions;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code getSessionSigs}: re-use versus re-sign, store keying, callbacks, with a recording fake transport. */
class LitClientSessionsTest {
    private static final List<String> NODES = List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471",
            "http://127.0.0.1:7472");
    private static final URI BLOCKS = URI.create("http://127.0.0.1:8545/get_most_recent_valid_block");
    private static final String FIRST_BLOCK = "0x" + "ab".repeat(32);
    private static final String SECOND_BLOCK = "0x" + "cd".repeat(32);
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    private static final ResourceAbilityRequest PKP =
            ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING);

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final AtomicReference<String> block = new AtomicReference<>(FIRST_BLOCK);
    private volatile boolean blockServiceDown;
    private final RecordingNodeTransport transport = new RecordingNodeTransport(call -> {
        if (call.url().equals(BLOCKS)) {
            if (blockServiceDown) {
                throw new IllegalStateException("block service down");
            }
            return new RawHttpResponse(200, "application/json", "{\"blockhash\":\"" + block.get()
                    + "\",\"timestamp\":1735689600}");
        }
        return new RawHttpResponse(200, "application/json", "{\"serverPublicKey\":\"\",\"subnetPublicKey\":\"ERR\","
                + "\"networkPublicKey\":\"ERR\",\"networkPublicKeySet\":\"ERR\",\"hdRootPubkeys\":[],"
                + "\"latestBlockhash\":\"" + block.get() + "\",\"epoch\":3}");
    });
    private final List<LitClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(LitClient::close);
    }

    private LitClient client(SessionStore store) {
        LitClient c = LitClient.builder().nodeUrls(NODES).blockHashUrl(BLOCKS).clock(clock)
                .random(new SecureRandom()).transport(transport).sessionStore(store).build();
        clients.add(c);
        c.connect();
        transport.reset();
        return c;
    }

    private LitClient client() {
        return client(new InMemorySessionStore());
    }

    private static SessionRequest request(CountingSigner signer, ResourceAbilityRequest... requests) {
        return SessionRequest.of(SessionTerms.of(requests), signer);
    }

    private static SessionRequest request(CountingSigner signer, SessionTerms.Builder terms) {
        return SessionRequest.of(terms.build(), signer);
    }

    private static AuthSig grantOf(SessionSigs sigs) {
        List<AuthSig> caps = sigs.byNodeUrl().values().iterator().next().payload().capabilities();
        return caps.get(caps.size() - 1);
    }

    @Test
    void getSessionSigs_beforeConnect_isClientNotReady() {
        LitClient c = LitClient.builder().nodeUrls(NODES).transport(transport).build();
        clients.add(c);
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        LitClientException e = assertThrows(LitClientException.class,
                () -> c.getSessionSigs(request(signer, ACTION)));
        assertEquals(LitErrorCode.ClientNotReady, e.code());
        assertEquals(0, signer.count());
    }

    @Test
    void getSessionSigs_firstCall_signsOnceAndMakesOneValidSigPerNodeWithoutNodeTraffic() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        SessionSigs sigs = c.getSessionSigs(request(signer, ACTION, PKP));
        assertEquals(1, signer.count());
        assertEquals(List.of(), transport.calls());
        assertEquals(NODES, List.copyOf(sigs.byNodeUrl().keySet()));
        for (String url : NODES) {
            SessionSig sig = sigs.forNode(url).orElseThrow();
            assertEquals(url, sig.payload().nodeAddress());
            SessionSigValidator validator = SessionSigValidator.builder(url).clock(clock).build();
            assertInstanceOf(AuthContext.class, validator.validate(sig.toAuthSig(), LitResource.pkp("ab"),
                    LitAbility.PKP_SIGNING));
        }
        SiweMessage siwe = SiweParser.parse(grantOf(sigs).signedMessage());
        assertEquals(FIRST_BLOCK, siwe.nonce());
        assertEquals("lit:session:" + sigs.forNode(NODES.get(0)).orElseThrow().address(), siwe.uri());
        assertEquals(IsoTime.format(TestSessions.NOW.plus(Duration.ofDays(1))), siwe.expirationTime().orElseThrow());
    }

    @Test
    void getSessionSigs_secondCall_reusesTheStoredGrantAndKey() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        SessionSigs first = c.getSessionSigs(request(signer, ACTION, PKP));
        clock.advance(Duration.ofMinutes(10));
        SessionSigs second = c.getSessionSigs(request(signer, PKP, ACTION));
        assertEquals(1, signer.count());
        assertEquals(grantOf(first), grantOf(second));
        assertEquals(first.forNode(NODES.get(0)).orElseThrow().address(),
                second.forNode(NODES.get(0)).orElseThrow().address());
    }

    @Test
    void getSessionSigs_defaultExpirationWithReusedGrant_endsWhenTheGrantEnds() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        c.getSessionSigs(request(signer, ACTION));
        clock.advance(Duration.ofHours(1));
        SessionSigs second = c.getSessionSigs(request(signer, ACTION));
        assertEquals(1, signer.count());
        assertEquals(IsoTime.format(TestSessions.NOW.plus(Duration.ofDays(1))),
                second.forNode(NODES.get(0)).orElseThrow().payload().expiration());
    }

    @Test
    void getSessionSigs_newResource_signsAgain() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        c.getSessionSigs(request(signer, ACTION));
        SessionSigs wider = c.getSessionSigs(request(signer, ACTION, PKP));
        assertEquals(2, signer.count());
        assertTrue(grantOf(wider).signedMessage().contains("'Threshold': 'Signing' for 'lit-pkp://*'"));
    }

    @Test
    void getSessionSigs_afterTheGrantExpired_signsAgainWithAFreshBlockhash() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        SessionSigs first = c.getSessionSigs(request(signer, ACTION));
        clock.advance(Duration.ofHours(25));
        block.set(SECOND_BLOCK);
        SessionSigs second = c.getSessionSigs(request(signer, ACTION));
        assertEquals(2, signer.count());
        assertEquals(1, transport.callsTo("/get_most_recent_valid_block").size());
        assertEquals(SECOND_BLOCK, SiweParser.parse(grantOf(second).signedMessage()).nonce());
        assertEquals(first.forNode(NODES.get(0)).orElseThrow().address(),
                second.forNode(NODES.get(0)).orElseThrow().address(), "the stored session key is kept");
    }

    @Test
    void getSessionSigs_withinTheReuseMarginOfExpiry_signsAgain() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        c.getSessionSigs(request(signer, ACTION));
        clock.advance(Duration.ofHours(24).minusMinutes(4));
        c.getSessionSigs(request(signer, ACTION));
        assertEquals(2, signer.count());
    }

    @Test
    void getSessionSigs_twoAccounts_keepSeparateEntries() {
        InMemorySessionStore store = new InMemorySessionStore();
        LitClient c = client(store);
        CountingSigner alice = new CountingSigner(TestSessions.WALLET);
        CountingSigner bob = new CountingSigner(TestSessions.OTHER_WALLET);
        SessionSigs a1 = c.getSessionSigs(request(alice, ACTION));
        SessionSigs b1 = c.getSessionSigs(request(bob, ACTION));
        SessionSigs a2 = c.getSessionSigs(request(alice, ACTION));
        assertEquals(1, alice.count());
        assertEquals(1, bob.count());
        assertEquals(TestSessions.OTHER_WALLET.address().toChecksumString(), grantOf(b1).address());
        assertEquals(grantOf(a1), grantOf(a2));
        assertNotEquals(a1.forNode(NODES.get(0)).orElseThrow().address(),
                b1.forNode(NODES.get(0)).orElseThrow().address(), "each account has its own session key");
        assertTrue(store.load(SessionStoreKey.of(c.network(), TestSessions.OTHER_WALLET.address(),
                List.of(ACTION))).isPresent());
    }

    @Test
    void getSessionSigs_fileStoreAcrossClients_doesNotPromptAgain(@TempDir Path dir) {
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        SessionSigs first = client(new FileSessionStore(dir)).getSessionSigs(request(signer, ACTION));
        SessionSigs second = client(new FileSessionStore(dir)).getSessionSigs(request(signer, ACTION));
        assertEquals(1, signer.count());
        assertEquals(grantOf(first), grantOf(second));
    }

    @Test
    void getSessionSigs_concurrentCallers_causeOnePrompt() throws Exception {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SessionSigs>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> c.getSessionSigs(request(signer, ACTION))));
            }
            for (Future<SessionSigs> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, signer.count());
    }

    @Test
    void getSessionSigs_capabilityAuthSigs_comeBeforeTheGrant() {
        LitClient c = client();
        AuthSig delegation = AuthSigs.capacityDelegation(TestSessions.OTHER_WALLET,
                LitSiweBuilder.create(TestSessions.OTHER_WALLET.address(), FIRST_BLOCK).clock(clock)
                        .expiration(TestSessions.NOW.plus(Duration.ofDays(7))),
                CapacityDelegation.of("12345", List.of(TestSessions.WALLET.address().toChecksumString()), 10));
        SessionSigs sigs = c.getSessionSigs(request(new CountingSigner(TestSessions.WALLET),
                SessionTerms.builder().resourceAbilityRequest(ACTION).capabilityAuthSigs(List.of(delegation))));
        List<AuthSig> caps = sigs.forNode(NODES.get(1)).orElseThrow().payload().capabilities();
        assertEquals(2, caps.size());
        assertEquals(delegation, caps.get(0));
        assertEquals(TestSessions.WALLET.address().toChecksumString(), caps.get(1).address());
    }

    @Test
    void getSessionSigs_expiredCapabilityAuthSig_isInvalidArgument() {
        LitClient c = client();
        AuthSig delegation = AuthSigs.capacityDelegation(TestSessions.OTHER_WALLET,
                LitSiweBuilder.create(TestSessions.OTHER_WALLET.address(), FIRST_BLOCK).clock(clock)
                        .expiration(TestSessions.NOW.plus(Duration.ofMinutes(1))),
                CapacityDelegation.of("12345", List.of(), 10));
        clock.advance(Duration.ofMinutes(2));
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        LitClientException e = assertThrows(LitClientException.class, () -> c.getSessionSigs(
                request(signer, SessionTerms.builder().resourceAbilityRequest(ACTION)
                        .capabilityAuthSigs(List.of(delegation)))));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("capabilityAuthSigs[0] expired at"), e.getMessage());
        assertEquals(0, signer.count());
    }

    @Test
    void getSessionSigs_expirationBeyond30Days_isInvalidArgument() {
        LitClient c = client();
        LitClientException e = assertThrows(LitClientException.class, () -> c.getSessionSigs(
                request(new CountingSigner(TestSessions.WALLET), SessionTerms.builder().resourceAbilityRequest(ACTION)
                        .expiration(TestSessions.NOW.plus(Duration.ofDays(30)).plusSeconds(1)))));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("more than 30 days"), e.getMessage());
    }

    @Test
    void getSessionSigs_explicitExpirationBeyondTheStoredGrant_signsAgain() {
        LitClient c = client();
        CountingSigner signer = new CountingSigner(TestSessions.WALLET);
        c.getSessionSigs(request(signer, SessionTerms.builder().resourceAbilityRequest(ACTION)
                .expiration(TestSessions.NOW.plus(Duration.ofHours(2)))));
        Instant later = TestSessions.NOW.plus(Duration.ofDays(3));
        SessionSigs sigs = c.getSessionSigs(request(signer, SessionTerms.of(ACTION).toBuilder().expiration(later)));
        assertEquals(2, signer.count());
        assertEquals(IsoTime.format(later), sigs.forNode(NODES.get(2)).orElseThrow().payload().expiration());
    }

    @Test
    void getSessionSigs_explicitSessionKey_isUsed() {
        LitClient c = client();
        SessionSigs sigs = c.getSessionSigs(SessionRequest.builder().terms(SessionTerms.of(ACTION))
                .signer(new CountingSigner(TestSessions.WALLET)).sessionKey(TestSessions.SESSION_KEY).build());
        SessionSigPayload payload = sigs.forNode(NODES.get(0)).orElseThrow().payload();
        assertEquals(TestSessions.SESSION_KEY.publicKeyHex(), payload.sessionKey());
    }

    @Test
    void getSessionSigs_authCallback_getsTheParametersAndIsCalledOnce() {
        LitClient c = client();
        List<AuthCallbackParams> seen = new ArrayList<>();
        AuthCallback callback = params -> {
            seen.add(params);
            return AuthSigs.generate(TestSessions.WALLET, params.toSiwe(TestSessions.WALLET.address(), clock).build());
        };
        SessionRequest r = SessionRequest.builder().terms(SessionTerms.builder().resourceAbilityRequest(ACTION)
                        .statement("Sign in to Example.").domain("example.org").build())
                .authCallback(TestSessions.WALLET.address(), callback).build();
        SessionSigs sigs = c.getSessionSigs(r);
        c.getSessionSigs(r);
        assertEquals(1, seen.size());
        AuthCallbackParams p = seen.get(0);
        assertEquals("lit:session:" + sigs.forNode(NODES.get(0)).orElseThrow().address(), p.uri());
        assertEquals(FIRST_BLOCK, p.nonce());
        assertEquals(TestSessions.NOW.plus(Duration.ofDays(1)), p.expiration());
        assertEquals(List.of(ACTION), p.requests());
        SiweMessage siwe = SiweParser.parse(grantOf(sigs).signedMessage());
        assertEquals("example.org", siwe.domain());
        assertTrue(siwe.statement().orElseThrow().startsWith("Sign in to Example. I further authorize"));
    }

    @Test
    void getSessionSigs_callbackSigningForAnotherAccount_isInvalidArgument() {
        LitClient c = client();
        SessionRequest r = SessionRequest.builder().terms(SessionTerms.of(ACTION))
                .authCallback(TestSessions.WALLET.address(), params -> AuthSigs.generate(TestSessions.OTHER_WALLET,
                        params.toSiwe(TestSessions.OTHER_WALLET.address(), clock).build())).build();
        LitClientException e = assertThrows(LitClientException.class, () -> c.getSessionSigs(r));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("but the session is for " + TestSessions.WALLET.address()),
                e.getMessage());
    }

    @Test
    void getSessionSigs_callbackThrows_isWalletSignatureNotFound() {
        LitClient c = client();
        SessionRequest r = SessionRequest.builder().terms(SessionTerms.of(ACTION))
                .authCallback(TestSessions.WALLET.address(), params -> {
                    throw new IllegalStateException("user rejected the request");
                }).build();
        LitClientException e = assertThrows(LitClientException.class, () -> c.getSessionSigs(r));
        assertEquals(LitErrorCode.WalletSignatureNotFound, e.code());
        assertTrue(e.getMessage().contains("user rejected the request"), e.getMessage());
    }

    @Test
    void getSessionSigs_callbackGrantNotCoveringTheRequests_isInvalidSignature() {
        LitClient c = client();
        SessionRequest r = SessionRequest.builder().terms(SessionTerms.of(ACTION, PKP))
                .authCallback(TestSessions.WALLET.address(), params -> AuthSigs.generate(TestSessions.WALLET,
                        params.toSiwe(TestSessions.WALLET.address(), clock).resources(List.of(ACTION)).build()))
                .build();
        LitClientException e = assertThrows(LitClientException.class, () -> c.getSessionSigs(r));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertTrue(e.getMessage().contains("would be refused by nodes"), e.getMessage());
    }

    @Test
    void latestBlockhash_refreshFails_keepsThePreviousHash() {
        LitClient c = client();
        clock.advance(Duration.ofSeconds(31));
        blockServiceDown = true;
        block.set(SECOND_BLOCK);
        assertEquals(FIRST_BLOCK, c.latestBlockhash());
        blockServiceDown = false;
        assertEquals(SECOND_BLOCK, c.latestBlockhash());
        assertEquals(2, transport.callsTo("/get_most_recent_valid_block").size());
    }

    @Test
    void latestBlockhash_youngerThan30Seconds_isNotRefreshed() {
        LitClient c = client();
        clock.advance(Duration.ofSeconds(30));
        block.set(SECOND_BLOCK);
        assertEquals(FIRST_BLOCK, c.latestBlockhash());
        assertEquals(List.of(), transport.calls());
    }

    @Test
    void sessionRequest_withoutTermsOrSigner_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> SessionRequest.builder().signer(TestSessions.WALLET).build()).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> SessionRequest.builder().terms(SessionTerms.of(ACTION)).build()).code());
    }

    @Test
    void toString_ofRequestSigsAndClient_neverShowsSecretsOrSignatures() {
        LitClient c = client();
        SessionRequest r = SessionRequest.builder().terms(SessionTerms.of(ACTION))
                .signer(new CountingSigner(TestSessions.WALLET)).sessionKey(TestSessions.SESSION_KEY).build();
        SessionSigs sigs = c.getSessionSigs(r);
        AuthSig grant = grantOf(sigs);
        String secret = "07".repeat(32);
        String sig = sigs.forNode(NODES.get(0)).orElseThrow().sig();
        for (String text : List.of(r.toString(), sigs.toString(), c.toString(), grant.toString(),
                ExecuteJsRequest.builder().code("x").sessionSigs(sigs).build().toString())) {
            assertFalse(text.contains(secret), text);
            assertFalse(text.contains(sig), text);
            assertFalse(text.contains(grant.sig()), text);
        }
        assertFalse(JsJson.stringify(JsonValue.object().put("k", c.toString()).build()).contains(secret));
    }
}
