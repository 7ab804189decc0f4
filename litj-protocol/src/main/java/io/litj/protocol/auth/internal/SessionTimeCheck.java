package io.litj.protocol.auth.internal;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionTimeRules;
import java.time.Instant;
import java.util.Optional;

/**
 * §2.2 step 4: the payload's {@code issuedAt} and {@code expiration} obey {@link SessionTimeRules#checkWindow}
 * ({@code NodeIatOutsideGracePeriod}, {@code NodeExpWrongOrTooLarge}, {@code NodeSIWEMessageError} for a lifetime
 * over 30 days); unparseable times are {@code NodeParserError}.
 */
public final class SessionTimeCheck implements SessionCheck {
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
        Optional<CheckFailure> broken =
                CheckFailure.from(SessionTimeRules.checkWindow("payload", issuedAt, expiration, state.now()));
        if (broken.isPresent()) {
            return broken;
        }
        state.expiration = expiration;
        return Optional.empty();
    }
}
