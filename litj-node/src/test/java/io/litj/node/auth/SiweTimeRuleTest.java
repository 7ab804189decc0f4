package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link SiweTimeRule} at each boundary instant and one second beyond (style rule R10). */
class SiweTimeRuleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void check_issuedAtExactlyAtTheGrace_passes_andOneSecondLater_refusedWithNodeIatOutsideGracePeriod() {
        assertEquals(NOW.plus(Duration.ofHours(1)), SiweTimeRule.check(siwe(NOW.plusSeconds(60),
                NOW.plus(Duration.ofHours(1))), NOW, "siwe"));

        LitNodeException e = assertThrows(LitNodeException.class, () -> SiweTimeRule.check(siwe(NOW.plusSeconds(61),
                NOW.plus(Duration.ofHours(1))), NOW, "siwe"));

        assertEquals(LitErrorCode.NodeIatOutsideGracePeriod, e.code());
        assertEquals("siwe Issued At 2026-03-01T12:01:01.000Z is more than 60 s after now 2026-03-01T12:00:00.000Z",
                e.getMessage());
    }

    @Test
    void check_expiredExactlyAtTheGrace_passes_andOneSecondEarlier_refusedWithNodeExpWrongOrTooLarge() {
        Instant issued = NOW.minus(Duration.ofHours(1));
        SiweTimeRule.check(siwe(issued, NOW.minusSeconds(60)), NOW, "siwe");

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> SiweTimeRule.check(siwe(issued, NOW.minusSeconds(61)), NOW, "siwe"));

        assertEquals(LitErrorCode.NodeExpWrongOrTooLarge, e.code());
    }

    @Test
    void check_expirationBeforeIssuedAt_refusedWithNodeExpWrongOrTooLarge() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> SiweTimeRule.check(siwe(NOW, NOW.minusSeconds(1)), NOW, "siwe"));

        assertEquals(LitErrorCode.NodeExpWrongOrTooLarge, e.code());
    }

    @Test
    void check_lifetimeOfExactly30Days_passes_andOneSecondMore_refusedWithNodeSIWEMessageError() {
        SiweTimeRule.check(siwe(NOW, NOW.plus(Duration.ofDays(30))), NOW, "siwe");

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> SiweTimeRule.check(siwe(NOW, NOW.plus(Duration.ofDays(30)).plusSeconds(1)), NOW, "siwe"));

        assertEquals(LitErrorCode.NodeSIWEMessageError, e.code());
        assertEquals("siwe Expiration Time lies 30 days after its Issued At (limit 30)", e.getMessage());
    }

    @Test
    void check_noExpirationTime_refusedWithNodeUndefinedSiweExpiration() {
        SiweMessage open = siwe(NOW, NOW.plusSeconds(10)).toBuilder().expirationTime((String) null).build();

        assertEquals(LitErrorCode.NodeUndefinedSiweExpiration,
                assertThrows(LitNodeException.class, () -> SiweTimeRule.check(open, NOW, "siwe")).code());
    }

    private static SiweMessage siwe(Instant issuedAt, Instant expiration) {
        return LitSiweBuilder.create(TestSessions.WALLET.address(), TestSessions.NONCE).issuedAt(issuedAt)
                .expiration(expiration).build();
    }
}
