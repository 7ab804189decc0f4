package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.assertCapabilityDenied;
import static io.litj.protocol.auth.ValidatorAssertions.assertDenied;
import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The validator's litj revocation check (docs/revocation.md): refuses exactly the revoked grant and key. */
class RevocationCheckTest {
    /** A list holding given revocations, honouring expiry as the node's book does. */
    private static RevocationList listOf(List<SessionRevocation> revocations) {
        return (digest, key, now) -> revocations.stream().filter(r -> r.grantDigest().equals(digest) && r.covers(key)
                && now.isBefore(r.grantExpiration())).findFirst();
    }

    private static SessionSigValidator validator(List<SessionRevocation> revocations) {
        return SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .revocations(listOf(revocations)).build();
    }

    private static SessionRevocation revoke(AuthSig grant, Optional<String> key) {
        return SignedRevocation.sign(grant.signedMessage(), key, TestSessions.WALLET, NOW).verify(NOW);
    }

    @Test
    void revokedGrant_isRefusedWithSessionRevoked_namingTheRevocation() {
        AuthSig grant = TestSessions.walletGrant();
        SessionRevocation r = revoke(grant, Optional.empty());
        AuthDenied d = assertDenied(validateAction(validator(List.of(r)), TestSessions.sessionSig(List.of(grant))),
                LitErrorCode.NodeSessionRevoked, "RevocationCheck");
        assertTrue(d.message().contains(r.grantDigest().hex0x()) && d.message().contains(r.granter().toString())
                && d.message().contains("2025-01-01T00:00:00.000Z"), d.message());
        assertEquals(LitErrorCode.NodeSessionRevoked, d.capabilityFailures().get(0).code());
    }

    @Test
    void revocationOfTheSessionKey_refuses_andOfAnotherKey_changesNothing() {
        AuthSig grant = TestSessions.walletGrant();
        SessionRevocation mine = revoke(grant, Optional.of(TestSessions.SESSION_KEY.publicKeyHex()));
        assertDenied(validateAction(validator(List.of(mine)), TestSessions.sessionSig(List.of(grant))),
                LitErrorCode.NodeSessionRevoked, "RevocationCheck");
        SessionRevocation other = new SessionRevocation(mine.grantDigest(),
                Optional.of(TestSessions.OTHER_SESSION_KEY.publicKeyHex()), mine.granter(), NOW,
                mine.grantExpiration());
        assertInstanceOf(AuthContext.class, validateAction(validator(List.of(other)),
                TestSessions.sessionSig(List.of(grant))));
    }

    @Test
    void revocationOfAnotherGrant_changesNothing() {
        AuthSig revokedGrant = AuthSigs.generate(TestSessions.WALLET, TestSessions.grantSiwe()
                .expiration(NOW.plus(Duration.ofHours(2))).build());
        SessionRevocation r = revoke(revokedGrant, Optional.empty());
        assertInstanceOf(AuthContext.class, validateAction(validator(List.of(r)), TestSessions.validSessionSig()));
    }

    @Test
    void anotherCapabilityThatIsNotRevoked_stillAuthorizes() {
        AuthSig revoked = TestSessions.walletGrant();
        AuthSig fresh = AuthSigs.generate(TestSessions.WALLET, TestSessions.grantSiwe()
                .expiration(NOW.plus(Duration.ofHours(3))).build());
        SessionRevocation r = revoke(revoked, Optional.empty());
        AuthContext ctx = assertInstanceOf(AuthContext.class, validateAction(validator(List.of(r)),
                TestSessions.sessionSig(List.of(revoked, fresh))));
        assertEquals(1, ctx.capabilityIndex());
    }

    @Test
    void aCapabilityFailingAnEarlierCheck_isNotReportedAsRevoked() {
        AuthSig grant = TestSessions.walletGrant();
        AuthSig forged = AuthSig.of(TestSessions.OTHER_WALLET.signPersonalMessage(grant.signedMessage()).toHex(),
                grant.derivedVia(), grant.signedMessage(), grant.address(), Optional.empty());
        SessionRevocation r = revoke(grant, Optional.empty());
        assertCapabilityDenied(validateAction(validator(List.of(r)), TestSessions.sessionSig(List.of(forged))),
                LitErrorCode.NodeSIWEMessageError, "CapabilitySignatureCheck");
    }

    @Test
    void validator_asksTheListWithTheGrantDigestAndSessionKey() {
        List<String> asked = new ArrayList<>();
        RevocationList recording = (Bytes digest, String key, Instant now) -> {
            asked.add(digest.hex0x() + " " + key + " " + now);
            return Optional.empty();
        };
        AuthSig grant = TestSessions.walletGrant();
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .revocations(recording).build();
        assertInstanceOf(AuthContext.class, validateAction(v, TestSessions.sessionSig(List.of(grant))));
        assertEquals(List.of(SessionRevocation.grantDigest(grant.signedMessage()).hex0x() + " "
                + TestSessions.SESSION_KEY.publicKeyHex() + " " + NOW), asked);
    }
}
