package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.FakeBlsNetwork;
import io.litj.client.testing.ManualScheduler;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import io.litj.threshold.bls.Bls;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SessionKeeper}: renewals ahead of expiry on an injected clock and scheduler, back-off, close. */
class SessionKeeperTest {
    private static final List<String> NODES = List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471",
            "http://127.0.0.1:7472");
    private static final URI BLOCKS = URI.create("http://127.0.0.1:8545/get_most_recent_valid_block");
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    private static final String PKP = "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeBlsNetwork network = new FakeBlsNetwork(NODES, 2, new SecureRandom());
    private final RecordingNodeTransport transport = new RecordingNodeTransport(network::answer);
    /** Set while a caller is inside {@code sessionSigs()}: a grant asked for then would make that caller wait. */
    private final AtomicBoolean callerInside = new AtomicBoolean();
    private final AtomicInteger signatures = new AtomicInteger();
    private final AtomicBoolean walletDown = new AtomicBoolean();
    private LitClient client;

    /** The test wallet, refusing while {@link #walletDown} and failing the test if asked while a caller waits. */
    private final EthSigner wallet = new EthSigner() {
        @Override
        public EthAddress address() {
            return TestSessions.WALLET.address();
        }

        @Override
        public EthSignature signPersonalMessage(String message) {
            if (callerInside.get()) {
                throw new AssertionError("a caller of sessionSigs() waited on a wallet signature");
            }
            if (walletDown.get()) {
                throw new IllegalStateException("wallet unreachable");
            }
            signatures.incrementAndGet();
            return TestSessions.WALLET.signPersonalMessage(message);
        }
    };

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private LitClient connect() {
        client = LitClient.builder().nodeUrls(NODES).minNodeCount(2).blockHashUrl(BLOCKS).clock(clock)
                .random(new SecureRandom()).transport(transport).build();
        client.connect();
        return client;
    }

    private SessionKeeper keeper() {
        return SessionKeeper.builder(connect()).scheduler(scheduler).random(new SplittableRandom(7)).build();
    }

    private SessionSigs asCaller(KeptSession kept) {
        callerInside.set(true);
        int before = transport.calls().size();
        try {
            return kept.sessionSigs();
        } finally {
            callerInside.set(false);
            assertEquals(before, transport.calls().size(), "a caller of sessionSigs() waited on the network");
        }
    }

    private void assertAcceptedNow(SessionSigs sigs) {
        for (String url : NODES) {
            SessionSigValidator v = SessionSigValidator.builder(url).clock(clock)
                    .blsVerifier(Bls.capabilityVerifier(network.publicKey())).build();
            assertInstanceOf(AuthContext.class, v.validate(sigs.forNode(url).orElseThrow().toAuthSig(),
                    LitResource.action("QmAny"), LitAbility.LIT_ACTION_EXECUTION), "at " + clock.instant());
        }
    }

    /**
     * A 2-minute wallet grant over 20 minutes: callers at every 7 s always get sigs nodes accept at that instant, never
     * wait on a signature, and each renewal is due with a third of the lifetime left, less at most a tenth as jitter.
     */
    @Test
    void twoMinuteWalletGrant_isRenewedBeforeExpiryWithNoCallerEverWaiting() {
        KeptSession kept = keeper().keep(SessionRequest.of(SessionTerms.of(ACTION), wallet), TWO_MINUTES);
        assertEquals(1, signatures.get());
        Instant end = clock.instant().plus(Duration.ofMinutes(20));
        int callers = 0;
        while (clock.instant().isBefore(end) && callers < 1000) {
            ManualScheduler.Task due = scheduler.pending().get(0);
            Duration lead = Duration.between(due.due(), kept.expiresAt());
            assertTrue(lead.compareTo(Duration.ofSeconds(40)) >= 0 && lead.compareTo(Duration.ofSeconds(52)) <= 0,
                    "renewal due " + lead + " before expiry");
            while (clock.instant().plusSeconds(7).isBefore(due.due())) {
                clock.advance(Duration.ofSeconds(7));
                assertAcceptedNow(asCaller(kept));
                callers++;
            }
            int before = signatures.get();
            assertTrue(scheduler.runNext());
            assertEquals(before + 1, signatures.get(), "one wallet signature per renewal");
            assertAcceptedNow(asCaller(kept));
        }
        assertTrue(kept.renewals() >= 12, "renewals: " + kept.renewals());
        assertTrue(callers > 100, "callers: " + callers);
        assertEquals(kept.renewals() + 1, signatures.get());
    }

    @Test
    void failingRenewal_backsOffDoublingUpToAnEighthOfTheLifetime_andRecovers() {
        KeptSession kept = keeper().keep(SessionRequest.of(SessionTerms.of(ACTION), wallet), TWO_MINUTES);
        SessionSigs first = kept.sessionSigs();
        walletDown.set(true);
        scheduler.runNext();
        assertEquals(1, kept.failuresInARow());
        assertEquals(LitErrorCode.WalletSignatureNotFound, kept.lastFailure().orElseThrow().code());
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(scheduler.pending().get(0).delay());
            assertTrue(clock.instant().isBefore(kept.expiresAt()));
            assertEquals(first, asCaller(kept), "the old sigs are served while they are valid");
            scheduler.runNext();
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(15)), waits);
        walletDown.set(false);
        scheduler.runNext();
        assertEquals(0, kept.failuresInARow());
        assertEquals(1, kept.renewals());
        assertNotEquals(first, kept.sessionSigs());
        assertAcceptedNow(asCaller(kept));
    }

    @Test
    void renewalsFailingPastExpiry_makeSessionSigsInvalidSessionSigsNamingTheFailure() {
        KeptSession kept = keeper().keep(SessionRequest.of(SessionTerms.of(ACTION), wallet), TWO_MINUTES);
        walletDown.set(true);
        for (int i = 0; i < 100 && !clock.instant().isAfter(kept.expiresAt()); i++) {
            scheduler.runNext();
        }
        LitClientException e = assertThrows(LitClientException.class, kept::sessionSigs);
        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
        assertTrue(e.getMessage().contains("7 renewal(s) failed, the last: [wallet_signature_not_found_error]"), e.getMessage());
        assertEquals(1, scheduler.pending().size(), "still retrying, one task at a time");
    }

    @Test
    void pkpGrant_isRenewedByASignSessionKeyRoundInTheBackground() {
        KeptSession kept = keeper().keep(PkpSessionRequest.builder().pkpPublicKey(PKP)
                .litActionCode("LitActions.setResponse({response: 'true'});").terms(SessionTerms.of(ACTION)).build(),
                TWO_MINUTES);
        int rounds = transport.callsTo("/web/sign_session_key/v1").size();
        assertEquals(3, rounds);
        SessionSigs first = asCaller(kept);
        assertAcceptedNow(first);
        scheduler.runNext();
        assertEquals(6, transport.callsTo("/web/sign_session_key/v1").size());
        SessionSigs second = asCaller(kept);
        assertNotEquals(first, second);
        assertAcceptedNow(second);
    }

    @Test
    void close_cancelsTheRenewalAndKeepsNoTaskPending() {
        SessionKeeper keeper = keeper();
        KeptSession kept = keeper.keep(SessionRequest.of(SessionTerms.of(ACTION), wallet), TWO_MINUTES);
        assertEquals(1, scheduler.pending().size());
        keeper.close();
        assertTrue(keeper.isClosed());
        assertEquals(List.of(), scheduler.pending());
        assertEquals(LitErrorCode.ClientNotReady, assertThrows(LitClientException.class,
                () -> keeper.keep(SessionRequest.of(SessionTerms.of(ACTION), wallet), TWO_MINUTES)).code());
        assertAcceptedNow(kept.sessionSigs());
    }

    @Test
    void closingTheClient_stopsTheKeeperAndItsOwnThread() throws InterruptedException {
        SessionKeeper keeper = SessionKeeper.builder(connect()).build();
        keeper.keep(SessionRequest.of(SessionTerms.of(ACTION), wallet), TWO_MINUTES);
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("litj-session-keeper")));
        client.close();
        assertTrue(keeper.isClosed());
        assertTrue(keeper.awaitTermination(Duration.ofSeconds(30)));
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("litj-session-keeper") && t.isAlive()), "keeper thread still alive");
    }

    @Test
    void keep_lifetimeOutOfRangeOrTermsWithExpiration_isInvalidArgument() {
        SessionKeeper keeper = keeper();
        SessionRequest r = SessionRequest.of(SessionTerms.of(ACTION), wallet);
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> keeper.keep(r, Duration.ofSeconds(59))).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> keeper.keep(r, Duration.ofDays(31))).code());
        SessionRequest withExpiration = SessionRequest.of(SessionTerms.builder().resourceAbilityRequest(ACTION)
                .expiration(clock.instant().plusSeconds(600)).build(), wallet);
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> keeper.keep(withExpiration, TWO_MINUTES)).code());
        assertEquals(0, signatures.get());
        assertEquals(List.of(), scheduler.pending());
    }

    @Test
    void clearSessions_removesEveryStoredEntry() {
        InMemorySessionStore store = new InMemorySessionStore();
        client = LitClient.builder().nodeUrls(NODES).minNodeCount(2).blockHashUrl(BLOCKS).clock(clock)
                .transport(transport).sessionStore(store).build();
        client.connect();
        client.getSessionSigs(SessionRequest.of(SessionTerms.of(ACTION), wallet));
        assertEquals(1, store.keys().size());
        client.clearSessions();
        assertEquals(List.of(), store.keys());
        client.getSessionSigs(SessionRequest.of(SessionTerms.of(ACTION), wallet));
        assertEquals(2, signatures.get(), "after clearSessions the wallet is asked again");
    }
}
