package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.siwe.SiweMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The time rules a node applies to a SIWE it is asked to act on ({@code lit-node-behaviour.md} §2.9 and §3.1 step
 * 4, the reference's {@code validate_siwe}), with a grace of {@value #GRACE_SECONDS} s for clock skew. In order:
 * <ol>
 *   <li>{@code Issued At <= now + 60 s}, else {@code NodeIatOutsideGracePeriod};</li>
 *   <li>{@code Expiration Time} present, else {@code NodeUndefinedSiweExpiration};</li>
 *   <li>{@code expiration >= Issued At} and {@code expiration >= now - 60 s}, else {@code NodeExpWrongOrTooLarge};</li>
 *   <li>{@code expiration <= Issued At + 30 days}, else {@code NodeSIWEMessageError}.</li>
 * </ol>
 * The codes are those the session-payload time check uses for the same rules (§2.2 step 4), so a client sees one
 * code per kind of time fault wherever it happens.
 */
final class SiweTimeRule {
    static final long GRACE_SECONDS = 60;
    static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);
    static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private SiweTimeRule() {
    }

    /**
     * Applies the rules to {@code siwe} at {@code now}.
     *
     * @param what names the message in errors, e.g. {@code "siweMessage"}
     * @return the expiration
     * @throws LitNodeException with the codes listed above
     */
    static Instant check(SiweMessage siwe, Instant now, String what) {
        Instant issuedAt = instant(siwe.issuedAt(), what + " Issued At");
        if (issuedAt.isAfter(now.plus(GRACE))) {
            throw new LitNodeException(LitErrorCode.NodeIatOutsideGracePeriod, what + " Issued At " + siwe.issuedAt()
                    + " is more than 60 s after now " + IsoTime.format(now));
        }
        String expirationText = siwe.expirationTime().orElseThrow(() -> new LitNodeException(
                LitErrorCode.NodeUndefinedSiweExpiration, what + " has no Expiration Time; it must expire"));
        Instant expiration = instant(expirationText, what + " Expiration Time");
        if (expiration.isBefore(issuedAt)) {
            throw new LitNodeException(LitErrorCode.NodeExpWrongOrTooLarge, what + " Expiration Time "
                    + expirationText + " is before its Issued At " + siwe.issuedAt());
        }
        if (expiration.isBefore(now.minus(GRACE))) {
            throw new LitNodeException(LitErrorCode.NodeExpWrongOrTooLarge, what + " expired at " + expirationText
                    + ", more than 60 s before now " + IsoTime.format(now));
        }
        if (expiration.isAfter(issuedAt.plus(MAX_LIFETIME))) {
            throw new LitNodeException(LitErrorCode.NodeSIWEMessageError, what + " Expiration Time lies "
                    + Duration.between(issuedAt, expiration).toDays() + " days after its Issued At (limit 30)");
        }
        return expiration;
    }

    private static Instant instant(String text, String field) {
        try {
            return IsoTime.parse(text, LitErrorCode.NodeSIWEMessageError, field);
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), e.getMessage(), List.of(), e);
        }
    }
}
