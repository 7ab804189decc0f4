package io.litj.protocol.auth.internal;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * §2.2 step 4, with a grace of {@value #GRACE_SECONDS} s: {@code issuedAt <= now + grace}
 * ({@code NodeIatOutsideGracePeriod}); {@code expiration >= issuedAt} and {@code expiration >= now - grace}
 * ({@code NodeExpWrongOrTooLarge}); {@code expiration <= issuedAt + 30 days} ({@code NodeSIWEMessageError});
 * unparseable times {@code NodeParserError}.
 */
public final class SessionTimeCheck implements SessionCheck {
    public static final long GRACE_SECONDS = 60;
    public static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);

    @Override
    public Optional<CheckFailure> check(SessionState state) {
        Instant issuedAt;
        Instant expiration;
        try {
            issuedAt = IsoTime.parse(state.payload().issuedAt(), LitErrorCode.NodeParserError, "payload issuedAt");
            expiration = IsoTime.parse(state.payload().expiration(), LitErrorCode.NodeParserError,
                    "payload expiration");
        } catch (LitProtocolException e) {
            return CheckFailure.fail(e.code(), e.getMessage());
        }
        Instant now = state.now();
        if (issuedAt.isAfter(now.plus(GRACE))) {
            return CheckFailure.fail(LitErrorCode.NodeIatOutsideGracePeriod, "issuedAt " + state.payload().issuedAt()
                    + " is more than 60 s after now " + IsoTime.format(now));
        }
        if (expiration.isBefore(issuedAt)) {
            return CheckFailure.fail(LitErrorCode.NodeExpWrongOrTooLarge, "expiration " + state.payload().expiration()
                    + " is before issuedAt " + state.payload().issuedAt());
        }
        if (expiration.isBefore(now.minus(GRACE))) {
            return CheckFailure.fail(LitErrorCode.NodeExpWrongOrTooLarge, "expiration " + state.payload().expiration()
                    + " is more than 60 s before now " + IsoTime.format(now));
        }
        if (expiration.isAfter(issuedAt.plus(MAX_LIFETIME))) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, "expiration lies "
                    + Duration.between(issuedAt, expiration).toDays() + " days after issuedAt (limit 30)");
        }
        state.expiration = expiration;
        return Optional.empty();
    }
}
