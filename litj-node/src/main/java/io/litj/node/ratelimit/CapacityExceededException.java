package io.litj.node.ratelimit;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * No credit has room for a request: Datil's answer, which is not the node error body but exactly
 * {@code {"message":"Rate limit exceeded.  Try again at <rfc3339>","errorCode":"rate_limit_exceeded"}} (two spaces),
 * or {@code "… Try again later."} when no credit could ever pay, with HTTP 402 (400 on {@code /web/pkp/sign};
 * {@code lit-node-behaviour.md} §5, §8.1).
 */
public final class CapacityExceededException extends LitNodeException {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private final int status;
    private final transient Optional<Instant> retryAt;

    /**
     * @param retryAt when a credit has room again (rounded up to the second); empty: no credit can pay
     */
    public CapacityExceededException(PaidRoute route, Optional<Instant> retryAt) {
        super(LitErrorCode.RateLimitExceeded, message(retryAt));
        this.status = route.exceededStatus();
        this.retryAt = retryAt.map(t -> t.getNano() == 0 ? t : t.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    private static String message(Optional<Instant> retryAt) {
        return retryAt.map(t -> "Rate limit exceeded.  Try again at " + RFC3339.format(
                t.getNano() == 0 ? t : t.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)))
                .orElse("Rate limit exceeded.  Try again later.");
    }

    /** The HTTP status: 402, or 400 on {@code /web/pkp/sign}. */
    public int status() {
        return status;
    }

    /** When a credit has room again, if one can pay at all. */
    public Optional<Instant> retryAt() {
        return retryAt;
    }

    /** Datil's body, exactly: {@code message} then {@code errorCode}. */
    public JsonValue.JsonObject body() {
        return JsonValue.object().put("message", getMessage()).put("errorCode", code().wireName()).build();
    }
}
