package io.litj.client;

import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionSigsCheck} reads each capability with the SIWE parser and applies
 * {@code SessionTimeRules.hasExpired} (boundaries: {@code SessionTimeRulesTest}), refusing with
 * {@code InvalidSessionSigs}.
 */
class SessionSigsCheckTest {
    private static final String NODE = TestSessions.NODE_URL;

    @Test
    void check_unexpiredSessionSigAndCapability_passes() {
        SessionSigsCheck.check(NODE, sessionSig(TestSessions.walletGrant()), NOW);
        SessionSigsCheck.check(NODE, sessionSig(TestSessions.walletGrant()), NOW.plus(Duration.ofHours(24))
                .minusSeconds(1));
    }

    @Test
    void check_capabilityExpiringNow_refusedWithInvalidSessionSigs() {
        SiweMessage siwe = TestSessions.grantSiwe().expiration(NOW.plus(Duration.ofHours(1))).build();

        LitClientException e = assertThrows(LitClientException.class, () -> SessionSigsCheck.check(NODE,
                sessionSig(AuthSigs.generate(TestSessions.WALLET, siwe)), NOW.plus(Duration.ofHours(1))));

        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
        assertEquals("capability 0 of the session sig for " + NODE + " expired at 2025-01-01T01:00:00.000Z (now "
                + "2025-01-01T01:00:00.000Z)", e.getMessage());
    }

    @Test
    void check_capabilityWithoutExpirationTime_refusedWithInvalidSessionSigs() {
        SiweMessage open = TestSessions.grantSiwe().build().toBuilder().expirationTime((String) null).build();

        LitClientException e = assertThrows(LitClientException.class,
                () -> SessionSigsCheck.check(NODE, sessionSig(AuthSigs.generate(TestSessions.WALLET, open)), NOW));

        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
        assertEquals("capability 0 of the session sig for " + NODE + " has no Expiration Time", e.getMessage());
    }

    @Test
    void check_capabilityThatIsNoSiweButHasAnExpirationLine_refusedWithInvalidSessionSigs() {
        AuthSig notSiwe = AuthSigs.generate(TestSessions.WALLET, "hello\nExpiration Time: 2030-01-01T00:00:00Z");

        LitClientException e = assertThrows(LitClientException.class,
                () -> SessionSigsCheck.check(NODE, sessionSig(notSiwe), NOW));

        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
    }

    @Test
    void check_sessionSigExpiredWhileItsCapabilityIsNot_refusedWithInvalidSessionSigs() {
        SiweMessage twoDays = TestSessions.grantSiwe().expiration(NOW.plus(Duration.ofDays(2))).build();
        SessionSig sig = sessionSig(AuthSigs.generate(TestSessions.WALLET, twoDays));

        LitClientException e = assertThrows(LitClientException.class,
                () -> SessionSigsCheck.check(NODE, sig, NOW.plus(Duration.ofHours(24))));

        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
        assertEquals("session sig for " + NODE + " expired at 2025-01-02T00:00:00.000Z (now "
                + "2025-01-02T00:00:00.000Z)", e.getMessage());
    }

    private static SessionSig sessionSig(AuthSig capability) {
        return new SessionSigIssuer(TestSessions.CLOCK).issue(TestSessions.SESSION_KEY, TestSessions.actionAndPkp(),
                List.of(capability), List.of(NODE)).forNode(NODE).orElseThrow();
    }
}
