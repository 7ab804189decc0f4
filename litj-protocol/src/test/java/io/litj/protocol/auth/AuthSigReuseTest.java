package io.litj.protocol.auth;

import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.FakeBlsVerifiers;
import io.litj.protocol.testing.TestSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthSigReuseTest {
    private static final AuthSigReuse REUSE = AuthSigReuse.of(TestSessions.CLOCK);

    private static AuthSigReuse.Decision check(AuthSig sig, List<ResourceAbilityRequest> requests) {
        return REUSE.check(sig, TestSessions.SESSION_KEY, requests);
    }

    /** 96 bytes standing for the network's BLS signature; {@link Network} is the only verifier accepting it. */
    private static final byte[] NETWORK_SIG = new byte[96];

    static {
        Arrays.fill(NETWORK_SIG, (byte) 0x5a);
    }

    /** A network grant of the test SIWE, "signed" with {@link #NETWORK_SIG}. */
    private static AuthSig networkGrant() {
        return AuthSig.bls("{\"ProofOfPossession\":\"" + Hex.encode(NETWORK_SIG) + "\"}",
                TestSessions.grantSiwe().render(), TestSessions.WALLET.address().toChecksumString());
    }

    /** A network verifier that accepts only {@link #NETWORK_SIG} over a grant's message, and counts its calls. */
    private static final class Network implements BlsCapabilityVerifier {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public void verify(byte[] message, byte[] signature) {
            calls.incrementAndGet();
            if (!Arrays.equals(message, BlsSessionMessage.of(networkGrant().signedMessage()))
                    || !Arrays.equals(signature, NETWORK_SIG)) {
                throw new LitProtocolException(LitErrorCode.InvalidSignature, "not the test network's signature");
            }
        }
    }

    @Test
    void check_validGrantForTheSameRequests_isReused() {
        AuthSigReuse.Decision d = check(TestSessions.walletGrant(), TestSessions.actionAndPkp());
        assertTrue(d.reusable(), d.toString());
    }

    @Test
    void check_reusableGrant_decisionCarriesTheSiweExpiration() {
        AuthSigReuse.Decision d = check(TestSessions.walletGrant(), TestSessions.actionAndPkp());
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(1))), d.expiration());
    }

    @Test
    void check_grantForAnotherSessionKey_decisionStillCarriesTheExpiration() {
        AuthSigReuse.Decision d = REUSE.check(TestSessions.walletGrant(), TestSessions.OTHER_SESSION_KEY,
                TestSessions.actionAndPkp());
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(1))), d.expiration());
    }

    @Test
    void check_noRequests_isInvalidArgument() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> check(TestSessions.walletGrant(), List.of()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void check_networkGrantWithoutVerifier_resigns() {
        AuthSigReuse.Decision d = check(networkGrant(), TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("CapabilitySignatureCheck", d.check());
    }

    @Test
    void withMargin_afterWithBlsVerifier_keepsTheVerifier() {
        Network network = new Network();
        AuthSigReuse reuse = REUSE.withBlsVerifier(network).withMargin(Duration.ZERO);
        AuthSigReuse.Decision d = reuse.check(networkGrant(), TestSessions.SESSION_KEY, TestSessions.actionAndPkp());
        assertTrue(d.reusable(), d.toString());
        assertEquals(1, network.calls.get());
    }

    @Test
    void check_sameNetworkGrantAgain_verifiesItOnceThanksToTheCache() {
        Network network = new Network();
        AuthSigReuse reuse = REUSE.withBlsVerifier(network);
        for (int i = 0; i < 3; i++) {
            assertTrue(reuse.check(networkGrant(), TestSessions.SESSION_KEY, TestSessions.actionAndPkp()).reusable());
        }
        assertTrue(reuse.withMargin(Duration.ofMinutes(1)).check(networkGrant(), TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp()).reusable(), "withMargin shares the cache");
        assertEquals(1, network.calls.get());
    }

    @Test
    void withBlsVerifier_anotherVerifier_doesNotTrustWhatTheFirstAccepted() {
        AuthSigReuse trusting = REUSE.withBlsVerifier(new Network());
        assertTrue(trusting.check(networkGrant(), TestSessions.SESSION_KEY, TestSessions.actionAndPkp()).reusable());
        AuthSigReuse.Decision d = trusting.withBlsVerifier(FakeBlsVerifiers.REFUSING)
                .check(networkGrant(), TestSessions.SESSION_KEY, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("CapabilitySignatureCheck", d.check());
    }

    @Test
    void withMargin_upToSevenDays_isAcceptedAndOneSecondMoreIsInvalidArgument() {
        AuthSigReuse week = REUSE.withMargin(Duration.ofDays(7));
        assertEquals("SafetyMargin", week.check(TestSessions.walletGrant(), TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp()).check());
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> REUSE.withMargin(Duration.ofDays(7).plusSeconds(1)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> REUSE.withMargin(Duration.ofSeconds(-1))).code());
    }

    @Test
    void check_subsetOfTheGrantedRequests_isReused() {
        assertTrue(check(TestSessions.walletGrant(), List.of(
                ResourceAbilityRequest.of(LitResource.pkp("0x1234"), LitAbility.PKP_SIGNING))).reusable());
    }

    @Test
    void check_aNewResourceAsked_resignsForCoverage() {
        List<ResourceAbilityRequest> more = new ArrayList<>(TestSessions.actionAndPkp());
        more.add(ResourceAbilityRequest.of(LitResource.accessControlCondition("*"),
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
        AuthSigReuse.Decision d = check(TestSessions.walletGrant(), more);
        assertFalse(d.reusable());
        assertEquals("RecapCoverageCheck", d.check());
    }

    @Test
    void check_anotherSessionKey_resignsForTheUri() {
        AuthSigReuse.Decision d = REUSE.check(TestSessions.walletGrant(), TestSessions.OTHER_SESSION_KEY,
                TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("SiweUriCheck", d.check());
    }

    @Test
    void check_expiringWithinTheMargin_resigns() {
        AuthSig soon = AuthSigs.generate(TestSessions.WALLET,
                TestSessions.grantSiwe().expiration(NOW.plus(Duration.ofMinutes(4))).build());
        AuthSigReuse.Decision d = check(soon, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("SafetyMargin", d.check());
        assertTrue(REUSE.withMargin(Duration.ofMinutes(3)).check(soon, TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp()).reusable());
    }

    @Test
    void check_expired_resigns() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertFalse(AuthSigReuse.of(later).check(TestSessions.walletGrant(), TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp()).reusable());
    }

    @Test
    void check_malformedCachedAuthSig_resignsInsteadOfThrowing() {
        AuthSig junk = AuthSig.of("0x00", AuthSig.WALLET_DERIVED_VIA, "not a siwe", "0x00", java.util.Optional.empty());
        AuthSigReuse.Decision d = check(junk, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("SiweParseCheck", d.check());
    }

    @Test
    void check_forgedSignature_resigns() {
        AuthSig grant = TestSessions.walletGrant();
        String otherSig = TestSessions.OTHER_WALLET.signPersonalMessage(grant.signedMessage()).toHex();
        AuthSig forged = AuthSig.of(otherSig, grant.derivedVia(), grant.signedMessage(), grant.address(), grant.algo());
        AuthSigReuse.Decision d = check(forged, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("CapabilitySignatureCheck", d.check());
    }

    @Test
    void check_recapNotInTheFirstResource_isStillFound() {
        SiweMessage base = TestSessions.grantSiwe().build();
        List<String> resources = new ArrayList<>();
        resources.add("https://example.com/terms");
        resources.addAll(base.resources());
        AuthSig grant = AuthSigs.generate(TestSessions.WALLET, base.toBuilder().resources(resources).build());
        assertTrue(check(grant, TestSessions.actionAndPkp()).reusable());
    }
}
