package io.litj.protocol.auth;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.siwe.SiweMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one home of Lit's session time rules, used by the node's validator and auth methods, the SDK's issuer and
 * session manager alike ({@code lit-node-behaviour.md} §2.2 step 4, §2.3, §2.9 and §3.1; {@code
 * js-sdk-v7-wire-format.md} §4). Each constant appears here and nowhere else.
 *
 * <p>The signed-window rules, in order ({@link #checkWindow}; a node's top-level SIWE adds a required
 * {@code Expiration Time} after rule 1, {@link #checkSiwe}):
 * <ol>
 *   <li>{@code issuedAt <= now + 60 s}, else {@code NodeIatOutsideGracePeriod};</li>
 *   <li>{@code expiration >= issuedAt}, else {@code NodeExpWrongOrTooLarge};</li>
 *   <li>{@code expiration >= now - 60 s}, else {@code NodeExpWrongOrTooLarge};</li>
 *   <li>{@code expiration <= issuedAt + 30 days}, else {@code NodeSIWEMessageError}.</li>
 * </ol>
 * A capability SIWE inside a session sig follows siwe-rs instead, without grace ({@link #checkCapability}). The
 * request rule ({@link #checkRequestedExpiration}) is what a client applies before signing: after now and at most
 * 30 days from now, else {@code InvalidArgument}. The re-use rules ({@link #withinMargin},
 * {@link #checkReuseMargin}) decide when a client signs again. The login rules ({@link #checkLoginAge},
 * {@link #loginAcceptedUntil}, {@link #checkMaxLoginAge}) say how recent a wallet login must be for a node's
 * {@code sign_session_key} and how long the node must remember it.
 *
 * <p>Stateless; time is always passed in (read from an injected {@link java.time.Clock} by the caller).
 *
 * <p>Security: these rules bound how long a stolen session sig or grant can be replayed; they cannot be relaxed.
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
    /** The oldest block a SIWE nonce may name, in days: as long as the longest session it could start. */
    public static final long MAX_NONCE_AGE_DAYS = MAX_LIFETIME_DAYS;
    /** The JS SDK's default session lifetime, in hours. */
    public static final long DEFAULT_LIFETIME_HOURS = 24;
    /** The JS SDK's default session lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(DEFAULT_LIFETIME_HOURS);
    /** The JS SDK's default lifetime of a SIWE built by {@code createSiweMessage} (a grant or delegation). */
    public static final Duration DEFAULT_SIWE_LIFETIME = Duration.ofDays(7);
    /** A stored grant is re-used only while it stays valid at least this long. */
    public static final Duration DEFAULT_REUSE_MARGIN = Duration.ofMinutes(5);
    /** The largest re-use margin a caller may ask for. */
    public static final Duration MAX_REUSE_MARGIN = Duration.ofDays(7);
    /** How old a wallet login's Issued At may be when a node acts on it, unless the node is configured otherwise. */
    public static final Duration DEFAULT_MAX_LOGIN_AGE = Duration.ofMinutes(10);
    /** The smallest login age a node may be configured with: two skews, so that a login can cross the network. */
    public static final Duration MIN_MAX_LOGIN_AGE = SKEW.multipliedBy(2);
    /** The largest login age a node may be configured with: it bounds how long a node must remember a login. */
    public static final Duration MAX_MAX_LOGIN_AGE = Duration.ofHours(1);

    private SessionTimeRules() {
    }

    /** A broken time rule: the node error code and a message naming the subject, the limit and the value. */
    public record Violation(LitErrorCode code, String message) {
    }

    /**
     * The signed-window rules (see the class comment) for something signed at {@code issuedAt} that expires at
     * {@code expiration}, checked at {@code now}: a session payload ({@code lit-node-behaviour.md} §2.2 step 4).
     *
     * @param subject names the signed thing in messages, e.g. {@code "payload"} or {@code "siweMessage"}
     * @return the first broken rule ({@code NodeIatOutsideGracePeriod}, {@code NodeExpWrongOrTooLarge},
     *         {@code NodeSIWEMessageError}), or empty when all hold
     */
    public static Optional<Violation> checkWindow(String subject, Instant issuedAt, Instant expiration, Instant now) {
        return checkIssuedAt(subject, issuedAt, now).or(() -> checkExpiration(subject, issuedAt, expiration, now));
    }

    /**
     * The rules for a SIWE a node is asked to act on, a wallet login or a PKP session request (§2.9, §3.1 step 4,
     * the reference's {@code validate_siwe}): rule 1, then {@code Expiration Time} present
     * ({@code NodeUndefinedSiweExpiration}: without it a grant would never end), then rules 2–4.
     *
     * @param subject names the message in errors, e.g. {@code "siweMessage"}
     * @return the first broken rule, or empty when all hold
     */
    public static Optional<Violation> checkSiwe(String subject, SiweMessage siwe, Instant now) {
        Instant issuedAt = siwe.issuedAtInstant();
        Optional<Instant> expiration = siwe.expirationInstant();
        return checkIssuedAt(subject, issuedAt, now).or(() -> expiration.isEmpty()
                ? violation(LitErrorCode.NodeUndefinedSiweExpiration, subject + " has no Expiration Time; it must "
                        + "expire")
                : checkExpiration(subject, issuedAt, expiration.get(), now));
    }

    /**
     * litj's rule for a wallet login's {@code Not Before} (the reference ignores it there): when present, at most
     * the skew after {@code now}, else {@code NodeSIWEMessageError}.
     */
    public static Optional<Violation> checkNotBefore(String subject, SiweMessage siwe, Instant now) {
        Optional<Instant> notBefore = siwe.notBeforeInstant();
        if (notBefore.isPresent() && notYetValid(notBefore.get(), now)) {
            return violation(LitErrorCode.NodeSIWEMessageError, subject + " Not Before "
                    + IsoTime.format(notBefore.get()) + " is more than " + SKEW_SECONDS + " s after now "
                    + IsoTime.format(now));
        }
        return Optional.empty();
    }

    /**
     * The rules for a capability SIWE inside a session sig (§2.3, siwe-rs {@code verify} at {@code now}), exact
     * and without grace as Lit nodes do: {@code Expiration Time} present ({@code NodeUndefinedSiweExpiration},
     * litj: without it a delegation would never end), {@code Not Before < now} when present, and
     * {@code now <= Expiration Time} (both {@code NodeSIWEMessageError}).
     */
    public static Optional<Violation> checkCapability(String subject, SiweMessage siwe, Instant now) {
        Optional<Instant> expiration = siwe.expirationInstant();
        if (expiration.isEmpty()) {
            return violation(LitErrorCode.NodeUndefinedSiweExpiration, subject
                    + " has no Expiration Time; a capability must expire");
        }
        Optional<Instant> notBefore = siwe.notBeforeInstant();
        if (notBefore.isPresent() && !notBefore.get().isBefore(now)) {
            return violation(LitErrorCode.NodeSIWEMessageError, subject + " Not Before "
                    + IsoTime.format(notBefore.get()) + " is not before now " + IsoTime.format(now));
        }
        if (now.isAfter(expiration.get())) {
            return violation(LitErrorCode.NodeSIWEMessageError, subject + " expired at "
                    + IsoTime.format(expiration.get()) + ", now is " + IsoTime.format(now));
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

    /** True when a SIWE nonce's block, made at {@code blockTime}, is over {@value #MAX_NONCE_AGE_DAYS} days old. */
    public static boolean nonceTooOld(Instant blockTime, Instant now) {
        return blockTime.isBefore(now.minus(Duration.ofDays(MAX_NONCE_AGE_DAYS)));
    }

    /**
     * litj's freshness rule for a wallet login a node acts on ({@code sign_session_key}'s EthWallet auth method; the
     * reference has none, {@code lit-node-behaviour.md} §10 item 7): {@code issuedAt >= now - maxAge}, else
     * {@code NodeIatOutsideGracePeriod}. The other side, {@code issuedAt <= now + 60 s}, is rule 1 of
     * {@link #checkSiwe}.
     *
     * @param subject names the login in errors, e.g. {@code "authMethods[0] SIWE"}
     * @param maxAge the node's limit, within {@link #checkMaxLoginAge}'s bounds
     */
    public static Optional<Violation> checkLoginAge(String subject, Instant issuedAt, Instant now, Duration maxAge) {
        if (issuedAt.isBefore(now.minus(maxAge))) {
            return violation(LitErrorCode.NodeIatOutsideGracePeriod, subject + " issuedAt "
                    + IsoTime.format(issuedAt) + " is more than " + maxAge.toSeconds() + " s before now "
                    + IsoTime.format(now) + ": a login must be recent");
        }
        return Optional.empty();
    }

    /**
     * The last instant at which a node can accept a wallet login issued at {@code issuedAt} that expires at
     * {@code expiration}: the earlier of {@code issuedAt + maxAge} ({@link #checkLoginAge}) and
     * {@code expiration + 60 s} (rule 3). A node that remembers the login until then, inclusive, sees every replay
     * of it; after it, the time rules refuse the login anyway.
     */
    public static Instant loginAcceptedUntil(Instant issuedAt, Instant expiration, Duration maxAge) {
        Instant tooOld = issuedAt.plus(maxAge);
        Instant expired = expiration.plus(SKEW);
        return tooOld.isBefore(expired) ? tooOld : expired;
    }

    /**
     * Checks a node's login age limit: in {@code [}{@link #MIN_MAX_LOGIN_AGE}{@code , }{@link #MAX_MAX_LOGIN_AGE}
     * {@code ]}, else {@code InvalidArgument}.
     */
    public static Optional<Violation> checkMaxLoginAge(Duration maxAge) {
        if (maxAge.compareTo(MIN_MAX_LOGIN_AGE) < 0 || maxAge.compareTo(MAX_MAX_LOGIN_AGE) > 0) {
            return violation(LitErrorCode.InvalidArgument, "the login age limit must be in ["
                    + MIN_MAX_LOGIN_AGE.toSeconds() + " s, " + MAX_MAX_LOGIN_AGE.toSeconds() + " s], got "
                    + maxAge.toSeconds() + " s");
        }
        return Optional.empty();
    }

    /** Checks a re-use margin: in {@code [0, 7 days]}, else {@code InvalidArgument}. */
    public static Optional<Violation> checkReuseMargin(Duration margin) {
        if (margin.isNegative() || margin.compareTo(MAX_REUSE_MARGIN) > 0) {
            return violation(LitErrorCode.InvalidArgument, "re-use margin must be in [0, "
                    + MAX_REUSE_MARGIN.toDays() + " days], got " + margin.toSeconds() + " s");
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkIssuedAt(String subject, Instant issuedAt, Instant now) {
        if (issuedAt.isAfter(now.plus(SKEW))) {
            return violation(LitErrorCode.NodeIatOutsideGracePeriod, subject + " issuedAt " + IsoTime.format(issuedAt)
                    + " is more than " + SKEW_SECONDS + " s after now " + IsoTime.format(now));
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkExpiration(String subject, Instant issuedAt, Instant expiration,
                                                       Instant now) {
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

    private static Optional<Violation> violation(LitErrorCode code, String message) {
        return Optional.of(new Violation(code, message));
    }
}
