package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one home of Lit's session time rules, used by the node's validator and auth methods, the SDK's issuer and
 * session manager alike ({@code lit-node-behaviour.md} §2.2 step 4 and §2.9; {@code js-sdk-v7-wire-format.md} §4).
 * Each constant appears here and nowhere else.
 *
 * <p>The signed-window rules, in order ({@link #checkWindow}):
 * <ol>
 *   <li>{@code issuedAt <= now + 60 s}, else {@code NodeIatOutsideGracePeriod};</li>
 *   <li>{@code expiration >= issuedAt}, else {@code NodeExpWrongOrTooLarge};</li>
 *   <li>{@code expiration >= now - 60 s}, else {@code NodeExpWrongOrTooLarge};</li>
 *   <li>{@code expiration <= issuedAt + 30 days}, else {@code NodeSIWEMessageError}.</li>
 * </ol>
 * The request rule ({@link #checkRequestedExpiration}) is what a client applies before signing: after now and at
 * most 30 days from now, else {@code InvalidArgument}.
 *
 * <p>Stateless; time is always passed in (read from an injected {@link java.time.Clock} by the caller).
 */
public final class SessionTimeRules {
    /** Clock skew tolerated between a signer and a node, either way, in seconds. */
    public static final long SKEW_SECONDS = 60;
    /** Clock skew tolerated between a signer and a node, either way. */
    public static final Duration SKEW = Duration.ofSeconds(SKEW_SECONDS);
    /** The longest a signed session or grant may last, in days (nodes refuse longer; it cannot be raised). */
    public static final long MAX_LIFETIME_DAYS = 30;
    /** The longest a signed session or grant may last. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(MAX_LIFETIME_DAYS);
    /** The JS SDK's default session lifetime, in hours. */
    public static final long DEFAULT_LIFETIME_HOURS = 24;
    /** The JS SDK's default session lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(DEFAULT_LIFETIME_HOURS);
    /** A stored grant is re-used only while it stays valid at least this long. */
    public static final Duration DEFAULT_REUSE_MARGIN = Duration.ofMinutes(5);
    /** The largest re-use margin a caller may ask for. */
    public static final Duration MAX_REUSE_MARGIN = Duration.ofDays(7);

    private SessionTimeRules() {
    }

    /** A broken time rule: the node error code and a message naming the subject, the limit and the value. */
    public record Violation(LitErrorCode code, String message) {
    }

    /**
     * The signed-window rules (see the class comment) for something signed at {@code issuedAt} that expires at
     * {@code expiration}, checked at {@code now}.
     *
     * @param subject names the signed thing in messages, e.g. {@code "payload"} or {@code "siweMessage"}
     * @return the first broken rule, or empty when all hold
     */
    public static Optional<Violation> checkWindow(String subject, Instant issuedAt, Instant expiration, Instant now) {
        if (issuedAt.isAfter(now.plus(SKEW))) {
            return violation(LitErrorCode.NodeIatOutsideGracePeriod, subject + " issuedAt " + IsoTime.format(issuedAt)
                    + " is more than " + SKEW_SECONDS + " s after now " + IsoTime.format(now));
        }
        if (expiration.isBefore(issuedAt)) {
            return violation(LitErrorCode.NodeExpWrongOrTooLarge, subject + " expiration "
                    + IsoTime.format(expiration) + " is before its issuedAt " + IsoTime.format(issuedAt));
        }
        if (expiration.isBefore(now.minus(SKEW))) {
            return violation(LitErrorCode.NodeExpWrongOrTooLarge, subject + " expired at "
                    + IsoTime.format(expiration) + ", more than " + SKEW_SECONDS + " s before now "
                    + IsoTime.format(now));
        }
        if (expiration.isAfter(issuedAt.plus(MAX_LIFETIME))) {
            return violation(LitErrorCode.NodeSIWEMessageError, subject + " expiration lies "
                    + Duration.between(issuedAt, expiration).toDays() + " days after its issuedAt (limit "
                    + MAX_LIFETIME_DAYS + ")");
        }
        return Optional.empty();
    }

    /**
     * The client's rule for an expiration it is asked to sign: strictly after {@code now} and at most
     * {@link #MAX_LIFETIME} after it (what nodes accept), else {@code InvalidArgument}.
     */
    public static Optional<Violation> checkRequestedExpiration(Instant expiration, Instant now) {
        if (!expiration.isAfter(now)) {
            return violation(LitErrorCode.InvalidArgument, "expiration " + IsoTime.format(expiration)
                    + " is not after now " + IsoTime.format(now));
        }
        if (expiration.isAfter(now.plus(MAX_LIFETIME))) {
            return violation(LitErrorCode.InvalidArgument, "expiration " + IsoTime.format(expiration)
                    + " lies more than " + MAX_LIFETIME_DAYS + " days after now " + IsoTime.format(now)
                    + " (nodes refuse it)");
        }
        return Optional.empty();
    }

    /** True when {@code expiration} is not after {@code now}: a client does not send what has expired. */
    public static boolean hasExpired(Instant expiration, Instant now) {
        return !expiration.isAfter(now);
    }

    /** True when a stored grant expiring at {@code expiration} is too close to expiry to re-use at {@code now}. */
    public static boolean withinMargin(Instant expiration, Instant now, Duration margin) {
        return expiration.isBefore(now.plus(margin));
    }

    /** True when {@code notBefore} lies more than the skew after {@code now}. */
    public static boolean notYetValid(Instant notBefore, Instant now) {
        return notBefore.isAfter(now.plus(SKEW));
    }

    /** Checks a re-use margin: in {@code [0, 7 days]}, else {@code InvalidArgument}. */
    public static Optional<Violation> checkReuseMargin(Duration margin) {
        if (margin.isNegative() || margin.compareTo(MAX_REUSE_MARGIN) > 0) {
            return violation(LitErrorCode.InvalidArgument, "re-use margin must be in [0, "
                    + MAX_REUSE_MARGIN.toDays() + " days], got " + margin.toSeconds() + " s");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(LitErrorCode code, String message) {
        return Optional.of(new Violation(code, message));
    }
}
