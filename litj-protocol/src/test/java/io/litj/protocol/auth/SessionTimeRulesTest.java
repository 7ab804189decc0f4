package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one table of the session time rules: every rule at its boundary instant and one second either side
 * (style rule R10). Callers (validator checks, node auth methods, issuer, client checks) each have one test proving
 * they apply these rules and map them to their own exception or denial.
 */
class SessionTimeRulesTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAYS_30 = Duration.ofDays(30);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final String PASS = "pass";

    /** A rule under test, turning a row into {@link #PASS}, a node error code name, or the name of a true predicate. */
    enum Rule {
        WINDOW(r -> code(SessionTimeRules.checkWindow("payload", r.issuedAt, r.expiration, r.now))),
        SIWE(r -> code(SessionTimeRules.checkSiwe("siwe", r.siwe(), r.now))),
        NOT_BEFORE(r -> code(SessionTimeRules.checkNotBefore("siwe", r.siwe(), r.now))),
        CAPABILITY(r -> code(SessionTimeRules.checkCapability("SIWE", r.siwe(), r.now))),
        REQUEST(r -> code(SessionTimeRules.checkRequestedExpiration(r.expiration, r.now))),
        HAS_EXPIRED(r -> SessionTimeRules.hasExpired(r.expiration, r.now) ? "expired" : PASS),
        MARGIN(r -> SessionTimeRules.withinMargin(r.expiration, r.now, SessionTimeRules.DEFAULT_REUSE_MARGIN)
                ? "withinMargin" : PASS),
        NONCE_AGE(r -> SessionTimeRules.nonceTooOld(r.issuedAt, r.now) ? "nonceTooOld" : PASS),
        LOGIN_AGE(r -> code(SessionTimeRules.checkLoginAge("login", r.issuedAt, r.now,
                SessionTimeRules.DEFAULT_MAX_LOGIN_AGE))),
        /** The instant a login stops being remembered: the expected column is "remembered" or "forgotten". */
        LOGIN_REMEMBERED(r -> r.now.isAfter(SessionTimeRules.loginAcceptedUntil(r.issuedAt, r.expiration,
                SessionTimeRules.DEFAULT_MAX_LOGIN_AGE)) ? "forgotten" : "remembered");

        private final Function<Row, String> apply;

        Rule(Function<Row, String> apply) {
            this.apply = apply;
        }

        private static String code(Optional<SessionTimeRules.Violation> broken) {
            return broken.map(v -> v.code().name()).orElse(PASS);
        }
    }

    /** One case; {@code expiration} and {@code notBefore} may be null (absent). */
    record Row(String name, Rule rule, Instant issuedAt, Instant expiration, Instant notBefore, Instant now,
               String expected) {
        SiweMessage siwe() {
            return siweMessage(issuedAt, expiration, notBefore);
        }

        @Override
        public String toString() {
            return rule + ": " + name + " -> " + expected;
        }
    }

    private static Row row(String name, Rule rule, Instant issuedAt, Instant expiration, Instant now,
                           Object expected) {
        return new Row(name, rule, issuedAt, expiration, null, now, expected.toString());
    }

    private static Row notBefore(String name, Rule rule, Instant notBefore, Instant expiration, Object expected) {
        return new Row(name, rule, T.minus(HOUR), expiration, notBefore, T, expected.toString());
    }

    static Stream<Row> table() {
        Instant dayAgo = T.minus(Duration.ofDays(1));
        Instant hourAgo = T.minus(HOUR);
        Instant inAnHour = T.plus(HOUR);
        Instant fiveMinutes = T.plus(SessionTimeRules.DEFAULT_REUSE_MARGIN);
        return Stream.of(
                // rule 1: issuedAt <= now + 60 s
                row("issuedAt now+59s", Rule.WINDOW, T.plusSeconds(59), inAnHour, T, PASS),
                row("issuedAt now+60s", Rule.WINDOW, T.plusSeconds(60), inAnHour, T, PASS),
                row("issuedAt now+61s", Rule.WINDOW, T.plusSeconds(61), inAnHour, T,
                        LitErrorCode.NodeIatOutsideGracePeriod),
                // rule 2: expiration >= issuedAt
                row("expiration issuedAt+1s", Rule.WINDOW, T, T.plusSeconds(1), T, PASS),
                row("expiration = issuedAt", Rule.WINDOW, T, T, T, PASS),
                row("expiration issuedAt-1s", Rule.WINDOW, T, T.minusSeconds(1), T,
                        LitErrorCode.NodeExpWrongOrTooLarge),
                // rule 3: expiration >= now - 60 s
                row("expired 59s ago", Rule.WINDOW, hourAgo, T.minusSeconds(59), T, PASS),
                row("expired 60s ago", Rule.WINDOW, hourAgo, T.minusSeconds(60), T, PASS),
                row("expired 61s ago", Rule.WINDOW, hourAgo, T.minusSeconds(61), T,
                        LitErrorCode.NodeExpWrongOrTooLarge),
                // rule 4: expiration <= issuedAt + 30 days
                row("lifetime 30d-1s", Rule.WINDOW, dayAgo, dayAgo.plus(DAYS_30).minusSeconds(1), T, PASS),
                row("lifetime 30d", Rule.WINDOW, dayAgo, dayAgo.plus(DAYS_30), T, PASS),
                row("lifetime 30d+1s", Rule.WINDOW, dayAgo, dayAgo.plus(DAYS_30).plusSeconds(1), T,
                        LitErrorCode.NodeSIWEMessageError),
                // a node's top-level SIWE: the same window, plus a required Expiration Time after rule 1
                row("issuedAt now+59s", Rule.SIWE, T.plusSeconds(59), inAnHour, T, PASS),
                row("issuedAt now+60s", Rule.SIWE, T.plusSeconds(60), inAnHour, T, PASS),
                row("issuedAt now+61s", Rule.SIWE, T.plusSeconds(61), inAnHour, T,
                        LitErrorCode.NodeIatOutsideGracePeriod),
                row("no Expiration Time", Rule.SIWE, T, null, T, LitErrorCode.NodeUndefinedSiweExpiration),
                row("no Expiration Time, issuedAt now+61s", Rule.SIWE, T.plusSeconds(61), null, T,
                        LitErrorCode.NodeIatOutsideGracePeriod),
                row("expiration issuedAt-1s", Rule.SIWE, T, T.minusSeconds(1), T,
                        LitErrorCode.NodeExpWrongOrTooLarge),
                row("expired 59s ago", Rule.SIWE, hourAgo, T.minusSeconds(59), T, PASS),
                row("expired 60s ago", Rule.SIWE, hourAgo, T.minusSeconds(60), T, PASS),
                row("expired 61s ago", Rule.SIWE, hourAgo, T.minusSeconds(61), T,
                        LitErrorCode.NodeExpWrongOrTooLarge),
                row("lifetime 30d-1s", Rule.SIWE, dayAgo, dayAgo.plus(DAYS_30).minusSeconds(1), T, PASS),
                row("lifetime 30d", Rule.SIWE, dayAgo, dayAgo.plus(DAYS_30), T, PASS),
                row("lifetime 30d+1s", Rule.SIWE, dayAgo, dayAgo.plus(DAYS_30).plusSeconds(1), T,
                        LitErrorCode.NodeSIWEMessageError),
                // a wallet login's Not Before: at most 60 s after now
                notBefore("no Not Before", Rule.NOT_BEFORE, null, inAnHour, PASS),
                notBefore("Not Before now+59s", Rule.NOT_BEFORE, T.plusSeconds(59), inAnHour, PASS),
                notBefore("Not Before now+60s", Rule.NOT_BEFORE, T.plusSeconds(60), inAnHour, PASS),
                notBefore("Not Before now+61s", Rule.NOT_BEFORE, T.plusSeconds(61), inAnHour,
                        LitErrorCode.NodeSIWEMessageError),
                // a capability SIWE: Not Before < now <= Expiration Time, no grace, Expiration Time required
                row("expires now+1s", Rule.CAPABILITY, hourAgo, T.plusSeconds(1), T, PASS),
                row("expires now", Rule.CAPABILITY, hourAgo, T, T, PASS),
                row("expired 1s ago", Rule.CAPABILITY, hourAgo, T.minusSeconds(1), T,
                        LitErrorCode.NodeSIWEMessageError),
                row("no Expiration Time", Rule.CAPABILITY, hourAgo, null, T,
                        LitErrorCode.NodeUndefinedSiweExpiration),
                notBefore("Not Before now-1s", Rule.CAPABILITY, T.minusSeconds(1), inAnHour, PASS),
                notBefore("Not Before now", Rule.CAPABILITY, T, inAnHour, LitErrorCode.NodeSIWEMessageError),
                notBefore("Not Before now+1s", Rule.CAPABILITY, T.plusSeconds(1), inAnHour,
                        LitErrorCode.NodeSIWEMessageError),
                // the client's request rule: now < expiration <= now + 30 days
                row("expiration now-1s", Rule.REQUEST, T, T.minusSeconds(1), T, LitErrorCode.InvalidArgument),
                row("expiration now", Rule.REQUEST, T, T, T, LitErrorCode.InvalidArgument),
                row("expiration now+1s", Rule.REQUEST, T, T.plusSeconds(1), T, PASS),
                row("expiration now+30d-1s", Rule.REQUEST, T, T.plus(DAYS_30).minusSeconds(1), T, PASS),
                row("expiration now+30d", Rule.REQUEST, T, T.plus(DAYS_30), T, PASS),
                row("expiration now+30d+1s", Rule.REQUEST, T, T.plus(DAYS_30).plusSeconds(1), T,
                        LitErrorCode.InvalidArgument),
                // a client does not send what has expired: expiration must be after now
                row("expires now-1s", Rule.HAS_EXPIRED, T, T.minusSeconds(1), T, "expired"),
                row("expires now", Rule.HAS_EXPIRED, T, T, T, "expired"),
                row("expires now+1s", Rule.HAS_EXPIRED, T, T.plusSeconds(1), T, PASS),
                // re-use margin: a grant is re-used while it stays valid at least 5 minutes
                row("expires now+5m-1s", Rule.MARGIN, T, fiveMinutes.minusSeconds(1), T, "withinMargin"),
                row("expires now+5m", Rule.MARGIN, T, fiveMinutes, T, PASS),
                row("expires now+5m+1s", Rule.MARGIN, T, fiveMinutes.plusSeconds(1), T, PASS),
                // a SIWE nonce's block (issuedAt column = block time) is at most 30 days old
                row("block 30d-1s old", Rule.NONCE_AGE, T.minus(DAYS_30).plusSeconds(1), null, T, PASS),
                row("block 30d old", Rule.NONCE_AGE, T.minus(DAYS_30), null, T, PASS),
                row("block 30d+1s old", Rule.NONCE_AGE, T.minus(DAYS_30).minusSeconds(1), null, T, "nonceTooOld"),
                // a wallet login a node acts on: issuedAt >= now - 10 minutes
                row("login 10m-1s old", Rule.LOGIN_AGE, T.minus(TEN_MINUTES).plusSeconds(1), inAnHour, T, PASS),
                row("login 10m old", Rule.LOGIN_AGE, T.minus(TEN_MINUTES), inAnHour, T, PASS),
                row("login 10m+1s old", Rule.LOGIN_AGE, T.minus(TEN_MINUTES).minusSeconds(1), inAnHour, T,
                        LitErrorCode.NodeIatOutsideGracePeriod),
                row("login issued now+60s", Rule.LOGIN_AGE, T.plusSeconds(60), inAnHour, T, PASS),
                // a node remembers a login while the rules above could accept it: until issuedAt + 10 minutes…
                row("long login, issuedAt+10m-1s", Rule.LOGIN_REMEMBERED, T, inAnHour,
                        T.plus(TEN_MINUTES).minusSeconds(1), "remembered"),
                row("long login, issuedAt+10m", Rule.LOGIN_REMEMBERED, T, inAnHour, T.plus(TEN_MINUTES), "remembered"),
                row("long login, issuedAt+10m+1s", Rule.LOGIN_REMEMBERED, T, inAnHour,
                        T.plus(TEN_MINUTES).plusSeconds(1), "forgotten"),
                // …or until 60 s after it expires, whichever comes first
                row("short login, expiration+59s", Rule.LOGIN_REMEMBERED, T, T.plus(Duration.ofMinutes(2)),
                        T.plus(Duration.ofMinutes(3)).minusSeconds(1), "remembered"),
                row("short login, expiration+60s", Rule.LOGIN_REMEMBERED, T, T.plus(Duration.ofMinutes(2)),
                        T.plus(Duration.ofMinutes(3)), "remembered"),
                row("short login, expiration+61s", Rule.LOGIN_REMEMBERED, T, T.plus(Duration.ofMinutes(2)),
                        T.plus(Duration.ofMinutes(3)).plusSeconds(1), "forgotten"));
    }

    static Stream<Object[]> loginAges() {
        return Stream.of(new Object[] {Duration.ofSeconds(119), LitErrorCode.InvalidArgument.name()},
                new Object[] {Duration.ofSeconds(120), PASS},
                new Object[] {Duration.ofSeconds(121), PASS},
                new Object[] {Duration.ofSeconds(3599), PASS},
                new Object[] {Duration.ofSeconds(3600), PASS},
                new Object[] {Duration.ofSeconds(3601), LitErrorCode.InvalidArgument.name()});
    }

    @ParameterizedTest(name = "login age {0} -> {1}")
    @MethodSource("loginAges")
    void checkMaxLoginAge_fromTwoMinutesToAnHour_passes_andOutsideIsInvalidArgument(Duration age, String expected) {
        assertEquals(expected, Rule.code(SessionTimeRules.checkMaxLoginAge(age)));
    }

    @Test
    void checkLoginAge_tooOld_saysTheSubjectTheLimitAndTheValue() {
        assertEquals("authMethods[0] SIWE issuedAt 2026-03-01T11:54:59.000Z is more than 300 s before now "
                        + "2026-03-01T12:00:00.000Z: a login must be recent",
                message(SessionTimeRules.checkLoginAge("authMethods[0] SIWE", T.minusSeconds(301), T,
                        Duration.ofMinutes(5))));
        assertEquals("the login age limit must be in [120 s, 3600 s], got 3601 s",
                message(SessionTimeRules.checkMaxLoginAge(Duration.ofSeconds(3601))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void rule_atItsBoundaryAndOneSecondEitherSide_givesTheExpectedOutcome(Row row) {
        assertEquals(row.expected(), row.rule().apply.apply(row), row::toString);
    }

    static Stream<Object[]> margins() {
        return Stream.of(new Object[] {Duration.ofSeconds(-1), LitErrorCode.InvalidArgument.name()},
                new Object[] {Duration.ZERO, PASS},
                new Object[] {Duration.ofSeconds(1), PASS},
                new Object[] {Duration.ofDays(7).minusSeconds(1), PASS},
                new Object[] {Duration.ofDays(7), PASS},
                new Object[] {Duration.ofDays(7).plusSeconds(1), LitErrorCode.InvalidArgument.name()});
    }

    @ParameterizedTest(name = "margin {0} -> {1}")
    @MethodSource("margins")
    void checkReuseMargin_fromZeroToSevenDays_passes_andOutsideIsInvalidArgument(Duration margin, String expected) {
        assertEquals(expected, Rule.code(SessionTimeRules.checkReuseMargin(margin)));
    }

    @Test
    void checkWindow_messages_sayTheSubjectTheLimitAndTheValue() {
        assertEquals("payload issuedAt 2026-03-01T12:01:01.000Z is more than 60 s after now 2026-03-01T12:00:00.000Z",
                message(SessionTimeRules.checkWindow("payload", T.plusSeconds(61), T.plus(HOUR), T)));
        assertEquals("payload expiration 2026-03-01T11:59:59.000Z is before its issuedAt 2026-03-01T12:00:00.000Z",
                message(SessionTimeRules.checkWindow("payload", T, T.minusSeconds(1), T)));
        assertEquals("payload expired at 2026-03-01T11:58:59.000Z, more than 60 s before now 2026-03-01T12:00:00.000Z",
                message(SessionTimeRules.checkWindow("payload", T.minus(HOUR), T.minusSeconds(61), T)));
        assertEquals("payload expiration lies 30 days after its issuedAt (limit 30)",
                message(SessionTimeRules.checkWindow("payload", T, T.plus(DAYS_30).plusSeconds(1), T)));
    }

    @Test
    void siweRules_messages_nameTheMessageAndTheMissingOrLateTime() {
        assertEquals("siweMessage has no Expiration Time; it must expire",
                message(SessionTimeRules.checkSiwe("siweMessage", siweMessage(T, null, null), T)));
        assertEquals("login SIWE Not Before 2026-03-01T12:01:01.000Z is more than 60 s after now "
                        + "2026-03-01T12:00:00.000Z",
                message(SessionTimeRules.checkNotBefore("login SIWE", siweMessage(T, T.plus(HOUR),
                        T.plusSeconds(61)), T)));
        assertEquals("SIWE has no Expiration Time; a capability must expire",
                message(SessionTimeRules.checkCapability("SIWE", siweMessage(T, null, null), T)));
        assertEquals("SIWE expired at 2026-03-01T11:59:59.000Z, now is 2026-03-01T12:00:00.000Z",
                message(SessionTimeRules.checkCapability("SIWE", siweMessage(T.minus(HOUR), T.minusSeconds(1),
                        null), T)));
    }

    @Test
    void checkRequestedExpiration_tooFar_saysTheLimitAndThatNodesRefuseIt() {
        assertEquals("expiration 2026-03-31T12:00:01.000Z lies more than 30 days after now 2026-03-01T12:00:00.000Z "
                        + "(nodes refuse it)",
                message(SessionTimeRules.checkRequestedExpiration(T.plus(DAYS_30).plusSeconds(1), T)));
    }

    private static String message(Optional<SessionTimeRules.Violation> broken) {
        return broken.orElseThrow(() -> new AssertionError("expected a violation")).message();
    }

    private static SiweMessage siweMessage(Instant issuedAt, Instant expiration, Instant notBefore) {
        return SiweMessage.builder().domain("localhost").address(TestSessions.WALLET.address().toChecksumString())
                .uri(TestSessions.SESSION_KEY.uri()).nonce(TestSessions.NONCE).issuedAt(issuedAt)
                .expirationTime(expiration == null ? null : IsoTime.format(expiration))
                .notBefore(notBefore == null ? null : IsoTime.format(notBefore)).build();
    }
}
