package io.litj.protocol.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.TestSessions;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Wallet capabilities whose signature yields no signer are remembered as failures (issue 8), so a repeated one
 * costs no second recovery; the remembered verdict is consulted before any recovery.
 */
class CapabilitySignatureCheckTest {
    private static final AuthSig GRANT = TestSessions.walletGrant();

    private static SessionState session() {
        return SessionState.forCapability(TestSessions.SESSION_KEY.publicKeyHex(), LitResource.action("*"),
                LitAbility.LIT_ACTION_EXECUTION, TestSessions.NOW);
    }

    private static Optional<CapabilityPipeline.NamedFailure> run(CapabilityPipeline pipeline, AuthSig capability) {
        return pipeline.run(new CapabilityState(0, capability), session());
    }

    /** The grant with a well-formed, low-s signature whose r is no curve point's x: nothing can be recovered. */
    private static AuthSig unrecoverable() {
        byte[] digest = Eip191.hash(GRANT.signedMessage());
        for (int r = 1; ; r++) {
            EthSignature sig = EthSignature.of(BigInteger.valueOf(r), BigInteger.ONE, 0);
            try {
                Eip191.recoverFromHash(digest, sig);
            } catch (LitProtocolException e) {
                return AuthSig.of(sig.toHex(), GRANT.derivedVia(), GRANT.signedMessage(), GRANT.address(),
                        GRANT.algo());
            }
        }
    }

    @Test
    void unrecoverableWalletSignature_failureRememberedUnderItsDigestAndSig() {
        SignatureCache cache = new SignatureCache(8);
        AuthSig bad = unrecoverable();

        CapabilityPipeline.NamedFailure failure = run(new CapabilityPipeline(Optional.empty(), cache), bad)
                .orElseThrow();

        assertEquals("CapabilitySignatureCheck", failure.check());
        assertEquals(LitErrorCode.NodeSIWEMessageError, failure.failure().code());
        assertEquals(Optional.of(failure.failure().message()),
                cache.failure(Eip191.hash(bad.signedMessage()), bad.sig()));
    }

    @Test
    void rememberedFailure_isAnsweredWithoutRecovering() {
        SignatureCache cache = new SignatureCache(8);
        cache.putFailure(Eip191.hash(GRANT.signedMessage()), GRANT.sig(), "remembered: no key can be recovered");

        CapabilityPipeline.NamedFailure failure = run(new CapabilityPipeline(Optional.empty(), cache), GRANT)
                .orElseThrow();

        assertEquals(LitErrorCode.NodeSIWEMessageError, failure.failure().code());
        assertEquals("remembered: no key can be recovered", failure.failure().message());
        assertTrue(run(new CapabilityPipeline(Optional.empty(), new SignatureCache(8)), GRANT).isEmpty(),
                "the same grant passes with a fresh cache, so only the remembered verdict refused it");
    }

    @Test
    void unrecoverable_isReallyUnrecoverable() {
        AuthSig bad = unrecoverable();
        assertThrows(LitProtocolException.class, () -> Eip191.recoverFromHash(Eip191.hash(bad.signedMessage()),
                EthSignature.parse(bad.sig(), "sig")));
    }
}
