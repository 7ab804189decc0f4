package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionTimeRules;
import java.time.Duration;
import java.util.Objects;

/**
 * How one node treats the EthWallet logins of {@code sign_session_key} ({@code docs/pkp-sessions.md}, "Logins that
 * cannot be replayed"): how recent a login's Issued At must be, and how many accepted logins the node remembers to
 * refuse their replay with another session key. Given to a node by {@code LitNode.Builder#loginLimits}.
 *
 * <p>Immutable. Strict by default ({@link #defaults()}: 10 minutes, 65,536 logins); each knob has hard bounds, checked
 * here: the age within {@link SessionTimeRules#checkMaxLoginAge} (2 minutes to 1 hour), the count within
 * [{@value #MIN_REMEMBERED_LOGINS}, {@value #MAX_REMEMBERED_LOGINS}].
 *
 * <p>Security: the age bounds how long a leaked login can be used and how long the node must remember it; the count
 * bounds the node's memory (about 300 bytes a login: 20 MB by default). A node that remembers as many logins as
 * allowed refuses new ones until some are too old to be accepted anyway, rather than forget one early and let it be
 * replayed.
 *
 * @param maxLoginAge how long after its Issued At a login is accepted
 * @param maxRememberedLogins how many accepted, still acceptable logins the node keeps at most
 */
public record LoginLimits(Duration maxLoginAge, int maxRememberedLogins) {
    /** Remembered logins by default: 109 logins a second, sustained over the default 10 minutes. */
    public static final int DEFAULT_REMEMBERED_LOGINS = 65_536;
    /** The fewest remembered logins a node may be configured with. */
    public static final int MIN_REMEMBERED_LOGINS = 1;
    /** The most remembered logins a node may be configured with (about 80 MB). */
    public static final int MAX_REMEMBERED_LOGINS = 1 << 18;

    /** @throws LitNodeException {@code InvalidArgument} if a knob is outside its bounds */
    public LoginLimits {
        Objects.requireNonNull(maxLoginAge, "maxLoginAge");
        SessionTimeRules.checkMaxLoginAge(maxLoginAge).ifPresent(v -> {
            throw new LitNodeException(v.code(), v.message());
        });
        if (maxRememberedLogins < MIN_REMEMBERED_LOGINS || maxRememberedLogins > MAX_REMEMBERED_LOGINS) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "maxRememberedLogins must be in ["
                    + MIN_REMEMBERED_LOGINS + ", " + MAX_REMEMBERED_LOGINS + "], got " + maxRememberedLogins);
        }
    }

    /** {@link SessionTimeRules#DEFAULT_MAX_LOGIN_AGE} and {@value #DEFAULT_REMEMBERED_LOGINS} logins. */
    public static LoginLimits defaults() {
        return new LoginLimits(SessionTimeRules.DEFAULT_MAX_LOGIN_AGE, DEFAULT_REMEMBERED_LOGINS);
    }

    /** These limits with another login age; {@code InvalidArgument} outside the bounds. */
    public LoginLimits withMaxLoginAge(Duration age) {
        return new LoginLimits(age, maxRememberedLogins);
    }

    /** These limits with another count; {@code InvalidArgument} outside the bounds. */
    public LoginLimits withMaxRememberedLogins(int count) {
        return new LoginLimits(maxLoginAge, count);
    }
}
