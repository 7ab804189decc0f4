package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionTimeRules;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * §3.1 step 4: the request SIWE keeps the SIWE time rules ({@link SessionTimeRules#checkSiwe}) at the node's
 * time (Issued At at most 60 s ahead, an Expiration Time no more than 60 s past and at most 30 days after Issued At).
 */
final class RequestSiweTimeCheck implements SessionKeyCheck {
    private final Clock clock;

    RequestSiweTimeCheck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void check(SessionKeyState state) {
        SessionTimeRules.checkSiwe("siweMessage", state.siwe(), clock.instant()).ifPresent(broken -> {
            throw new LitNodeException(broken.code(), broken.message());
        });
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeIatOutsideGracePeriod, LitErrorCode.NodeUndefinedSiweExpiration,
                LitErrorCode.NodeExpWrongOrTooLarge, LitErrorCode.NodeSIWEMessageError);
    }
}
