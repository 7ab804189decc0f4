package io.litj.client;

import io.litj.protocol.LitErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Nodes refused a request because no capacity credit pays for it: Datil's {@code rate_limit_exceeded} answer
 * (HTTP 402; 400 on {@code /web/pkp/sign}) with the message {@code "Rate limit exceeded.  Try again at <rfc3339>"}
 * or {@code "Rate limit exceeded.  Try again later."} ({@code lit-node-behaviour.md} §5). Thrown by
 * {@link LitClient#executeJs}, {@link LitClient#pkpSign}, {@link LitClient#decrypt} and
 * {@link LitClient#getSignedToken} when a node that failed gave that answer; {@link #nodeFailures()} still lists
 * every failing node.
 *
 * <p>Pay for the request with a credit the session's user holds, or with a delegation from a holder in the
 * session's {@link SessionTerms.Builder#capabilityAuthSigs} ({@link LitClient#createCapacityDelegationAuthSig}).
 */
public final class RateLimitExceededException extends LitClientException {
    private static final long serialVersionUID = 1L;

    private final transient Instant retryAt;

    /** A rate-limit refusal; {@code retryAt} as {@link #retryAt()}. */
    public RateLimitExceededException(String message, List<NodeFailure> nodeFailures, Optional<Instant> retryAt) {
        super(LitErrorCode.RateLimitExceeded, message, nodeFailures);
        this.retryAt = retryAt.orElse(null);
    }

    /**
     * When the request may pass again: the latest time the rate-limited nodes named; empty when none named one
     * ("Try again later.").
     */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
