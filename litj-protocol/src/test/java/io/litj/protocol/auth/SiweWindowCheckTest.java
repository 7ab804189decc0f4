package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.assertCapabilityDenied;
import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static io.litj.protocol.auth.ValidatorAssertions.validator;
import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.CountingBlsVerifier;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SiweWindowCheck} (issue 8): a capability SIWE's Issued At is at most 60 s ahead of the node's clock and
 * its lifetime at most 30 days, with the session payload's codes; each rule at the boundary instant and one second
 * either side (the clock is fixed at {@link TestSessions#NOW}).
 */
class SiweWindowCheckTest {
    private static final String CHECK = "SiweWindowCheck";
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static ValidationResult grantValidAt(Instant issuedAt, Instant expiration) {
        SiweMessage siwe = TestSessions.grantSiwe().issuedAt(issuedAt).expiration(expiration).build();
        return validateAction(validator(), TestSessions.sessionSig(List.of(AuthSigs.generate(TestSessions.WALLET,
                siwe))));
    }

    @Test
    void issuedAt_61SecondsAhead_deniedWithIatOutsideGracePeriod() {
        Instant issuedAt = NOW.plusSeconds(61);
        AuthDenied denied = assertCapabilityDenied(grantValidAt(issuedAt, issuedAt.plus(Duration.ofDays(1))),
                LitErrorCode.NodeIatOutsideGracePeriod, CHECK);
        assertEquals("capability SIWE issuedAt 2025-01-01T00:01:01.000Z is more than 60 s after now "
                + "2025-01-01T00:00:00.000Z", denied.capabilityFailures().getFirst().message());
    }

    @Test
    void issuedAt_exactly60SecondsAhead_authorized() {
        Instant issuedAt = NOW.plusSeconds(60);
        assertInstanceOf(AuthContext.class, grantValidAt(issuedAt, issuedAt.plus(Duration.ofDays(1))));
    }

    @Test
    void issuedAt_59SecondsAhead_authorized() {
        Instant issuedAt = NOW.plusSeconds(59);
        assertInstanceOf(AuthContext.class, grantValidAt(issuedAt, issuedAt.plus(Duration.ofDays(1))));
    }

    @Test
    void lifetime_30DaysAndOneSecond_deniedWithSiweMessageError() {
        Instant issuedAt = NOW.minus(Duration.ofDays(1));
        AuthDenied denied = assertCapabilityDenied(grantValidAt(issuedAt, issuedAt.plus(THIRTY_DAYS).plusSeconds(1)),
                LitErrorCode.NodeSIWEMessageError, CHECK);
        assertEquals("capability SIWE expiration lies 30 days after its issuedAt (limit 30)",
                denied.capabilityFailures().getFirst().message());
    }

    @Test
    void lifetime_exactly30Days_authorized() {
        Instant issuedAt = NOW.minus(Duration.ofDays(1));
        assertInstanceOf(AuthContext.class, grantValidAt(issuedAt, issuedAt.plus(THIRTY_DAYS)));
    }

    @Test
    void lifetime_30DaysLessOneSecond_authorized() {
        Instant issuedAt = NOW.minus(Duration.ofDays(1));
        assertInstanceOf(AuthContext.class, grantValidAt(issuedAt, issuedAt.plus(THIRTY_DAYS).minusSeconds(1)));
    }

    @Test
    void lifetime_oneYear_deniedWithSiweMessageError() {
        Instant issuedAt = NOW.minus(Duration.ofDays(1));
        assertCapabilityDenied(grantValidAt(issuedAt, issuedAt.plus(Duration.ofDays(365))),
                LitErrorCode.NodeSIWEMessageError, CHECK);
    }

    @Test
    void expiration_oneSecondBeforeIssuedAt_deniedWithExpWrongOrTooLarge() {
        Instant issuedAt = NOW.plusSeconds(30);
        assertCapabilityDenied(grantValidAt(issuedAt, issuedAt.minusSeconds(1)), LitErrorCode.NodeExpWrongOrTooLarge,
                CHECK);
    }

    @Test
    void expiration_equalToIssuedAt_authorized() {
        Instant issuedAt = NOW.plusSeconds(30);
        assertInstanceOf(AuthContext.class, grantValidAt(issuedAt, issuedAt));
    }

    @Test
    void networkCapability_lifetimeOver30Days_deniedBeforeAnyPairing() {
        CountingBlsVerifier pairings = CountingBlsVerifier.acceptingAll();
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .blsVerifier(pairings).build();
        AuthSig cap = TestCapabilities.network(TestCapabilities.popJson(1), SiweMessage.builder()
                .domain("litprotocol.com").address(TestCapabilities.PKP.toChecksumString())
                .uri(TestSessions.SESSION_KEY.uri()).nonce(TestSessions.NONCE).issuedAt(NOW.minusSeconds(60))
                .expirationTime(NOW.minusSeconds(60).plus(THIRTY_DAYS).plusSeconds(1)).build());

        assertCapabilityDenied(validateAction(v, TestSessions.sessionSig(List.of(cap))),
                LitErrorCode.NodeSIWEMessageError, CHECK);
        assertEquals(0, pairings.calls());
    }
}
