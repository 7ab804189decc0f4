package io.litj.protocol.auth;

import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SessionSigIssuer} applies {@link SessionTimeRules} (boundaries: {@code SessionTimeRulesTest}). */
class SessionSigIssuerTest {
    private final SessionSigIssuer issuer = new SessionSigIssuer(TestSessions.CLOCK);

    @Test
    void issue_withoutExpiration_signsForTheDefaultLifetimeOf24Hours() {
        SessionSigs sigs = issuer.issue(TestSessions.SESSION_KEY, TestSessions.actionAndPkp(),
                List.of(TestSessions.walletGrant()), List.of(TestSessions.NODE_URL));

        SessionSigPayload payload = sigs.forNode(TestSessions.NODE_URL).orElseThrow().payload();
        assertEquals(IsoTime.format(NOW), payload.issuedAt());
        assertEquals(IsoTime.format(NOW.plus(Duration.ofHours(24))), payload.expiration());
    }

    @Test
    void issue_expirationNodesWouldRefuse_throwsTheRequestRulesInvalidArgument() {
        Instant tooFar = NOW.plus(Duration.ofDays(30)).plusSeconds(1);

        LitProtocolException e = assertThrows(LitProtocolException.class, () -> issuer.issue(TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp(), List.of(TestSessions.walletGrant()), tooFar,
                List.of(TestSessions.NODE_URL)));

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals(SessionTimeRules.checkRequestedExpiration(tooFar, NOW).orElseThrow().message(), e.getMessage());
    }
}
