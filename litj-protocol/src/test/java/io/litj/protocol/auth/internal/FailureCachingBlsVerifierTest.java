package io.litj.protocol.auth.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.CountingBlsVerifier;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Failed network signatures are remembered (issue 8): a bad {@code lit.bls} capability sent again costs no second
 * pairing while the cache holds it. A counting verifier stands for the pairings.
 */
class FailureCachingBlsVerifierTest {
    private static final byte[] MESSAGE = new byte[32];
    private static final byte[] SIGNATURE = new byte[96];

    private static ValidationResult validate(SessionSigValidator v, AuthSig sessionSig) {
        return v.validate(sessionSig, LitResource.action(TestSessions.ACTION_CID), LitAbility.LIT_ACTION_EXECUTION);
    }

    @Test
    void verify_sameBadSignatureTwice_delegatesOnce() {
        CountingBlsVerifier pairings = CountingBlsVerifier.refusingAll();
        FailureCachingBlsVerifier v = new FailureCachingBlsVerifier(pairings, new SignatureCache(8));

        assertEquals(LitErrorCode.InvalidSignature,
                assertThrows(LitProtocolException.class, () -> v.verify(MESSAGE, SIGNATURE)).code());
        assertEquals(LitErrorCode.InvalidSignature,
                assertThrows(LitProtocolException.class, () -> v.verify(MESSAGE, SIGNATURE)).code());

        assertEquals(1, pairings.calls());
    }

    @Test
    void verify_goodSignature_isNotRememberedHere() {
        CountingBlsVerifier pairings = CountingBlsVerifier.acceptingAll();
        FailureCachingBlsVerifier v = new FailureCachingBlsVerifier(pairings, new SignatureCache(8));

        assertDoesNotThrow(() -> v.verify(MESSAGE, SIGNATURE));
        assertDoesNotThrow(() -> v.verify(MESSAGE, SIGNATURE));

        assertEquals(2, pairings.calls());
    }

    @Test
    void verify_noRootKeyYet_rememberedNeitherWay() {
        AtomicBoolean keyExists = new AtomicBoolean(false);
        FailureCachingBlsVerifier v = new FailureCachingBlsVerifier((m, s) -> {
            if (!keyExists.get()) {
                throw new LitProtocolException(LitErrorCode.NodeBLSRootKeyNotFound, "no key yet");
            }
        }, new SignatureCache(8));

        assertEquals(LitErrorCode.NodeBLSRootKeyNotFound,
                assertThrows(LitProtocolException.class, () -> v.verify(MESSAGE, SIGNATURE)).code());
        keyExists.set(true);
        assertDoesNotThrow(() -> v.verify(MESSAGE, SIGNATURE));
    }

    @Test
    void validator_sameBadNetworkCapabilityInTwoRequests_costsOnePairing() {
        CountingBlsVerifier pairings = CountingBlsVerifier.refusingAll();
        SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK).blsVerifier(pairings).build();
        AuthSig bad = TestCapabilities.network(TestCapabilities.popJson(7));

        for (int request = 0; request < 2; request++) {
            AuthDenied denied = assertInstanceOf(AuthDenied.class,
                    validate(validator, TestSessions.sessionSig(List.of(bad))));
            assertEquals(LitErrorCode.NodeSIWEMessageError, denied.capabilityFailures().getFirst().code());
            assertEquals("CapabilitySignatureCheck", denied.capabilityFailures().getFirst().check());
        }

        assertEquals(1, pairings.calls());
    }

    @Test
    void validator_cacheDisabled_paysEveryTime() {
        CountingBlsVerifier pairings = CountingBlsVerifier.refusingAll();
        SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK).blsVerifier(pairings).signatureCacheSize(0).build();
        AuthSig bad = TestCapabilities.network(TestCapabilities.popJson(7));

        validate(validator, TestSessions.sessionSig(List.of(bad)));
        validate(validator, TestSessions.sessionSig(List.of(bad)));

        assertEquals(2, pairings.calls());
    }

    @Test
    void validator_goodNetworkCapabilityInTwoRequests_costsOnePairing() {
        CountingBlsVerifier pairings = CountingBlsVerifier.acceptingAll();
        SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK).blsVerifier(pairings).build();
        AuthSig good = TestCapabilities.network(TestCapabilities.popJson(8));

        assertInstanceOf(AuthContext.class, validate(validator, TestSessions.sessionSig(List.of(good))));
        assertInstanceOf(AuthContext.class, validate(validator, TestSessions.sessionSig(List.of(good))));

        assertEquals(1, pairings.calls());
    }
}
