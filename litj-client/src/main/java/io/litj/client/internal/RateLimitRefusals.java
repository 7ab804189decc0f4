package io.litj.client.internal;

import io.litj.client.NodeFailure;
import io.litj.client.RateLimitExceededException;
import io.litj.protocol.LitErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes Datil's rate-limit refusal among node failures ({@code lit-node-behaviour.md} §5): error code
 * {@code rate_limit_exceeded} (HTTP 402, or 400 on pkp sign) with the message
 * {@code "Rate limit exceeded.  Try again at <rfc3339>"} or {@code "… Try again later."}.
 */
public final class RateLimitRefusals {
    /** The time in the message: chrono's {@code to_rfc3339}, e.g. {@code 2025-01-01T00:00:00.123456+00:00}. */
    private static final Pattern TRY_AGAIN_AT =
            Pattern.compile("Try again at (\\d{4}-\\d{2}-\\d{2}T\\S+?)\\.?(?=\\s|$)");

    private RateLimitRefusals() {
    }

    /** True if {@code failure} is a rate-limit refusal (by its {@code errorCode}, whatever its HTTP status). */
    public static boolean isRateLimit(NodeFailure failure) {
        return failure.errorCode().filter(LitErrorCode.RateLimitExceeded.wireName()::equals).isPresent();
    }

    /** The time in a {@code "… Try again at <rfc3339>"} message; empty for the "later" form or anything else. */
    public static Optional<Instant> retryTime(String message) {
        Matcher m = TRY_AGAIN_AT.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(m.group(1), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The exception of an operation whose failures include rate-limit refusals (retry time: the latest any of them
     * named), else empty. All failures are kept, ordered as {@link NodeCalls#ordered}.
     */
    public static Optional<RateLimitExceededException> exception(String operation, List<NodeFailure> failures,
                                                                 int nodeCount, String requestId) {
        List<NodeFailure> limited = failures.stream().filter(RateLimitRefusals::isRateLimit).toList();
        if (limited.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> retryAt = limited.stream().map(f -> retryTime(f.message())).flatMap(Optional::stream)
                .max(Instant::compareTo);
        String message = operation + " refused: rate limit exceeded on " + limited.size() + " of " + nodeCount
                + " nodes (request " + requestId + "); " + retryAt.map(t -> "try again at " + t)
                .orElse("try again later") + ", or pay with a capacity credit or a delegation from a credit holder"
                + " in the session's capabilityAuthSigs: ";
        List<NodeFailure> ordered = NodeCalls.ordered(failures);
        return Optional.of(new RateLimitExceededException(message + NodeCalls.describeAll(ordered), ordered,
                retryAt));
    }
}
