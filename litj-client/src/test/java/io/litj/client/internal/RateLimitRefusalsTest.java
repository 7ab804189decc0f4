package io.litj.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.NodeFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Datil's rate-limit refusal: the code decides, the message gives the retry time. */
class RateLimitRefusalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Rate limit exceeded.  Try again at 2025-01-01T00:16:40+00:00|2025-01-01T00:16:40Z",
        "Rate limit exceeded.  Try again at 2025-01-01T00:16:40.123456789+00:00|2025-01-01T00:16:40.123456789Z",
        "Rate limit exceeded.  Try again at 2025-01-01T02:16:40+02:00|2025-01-01T00:16:40Z",
        "Rate limit exceeded.  Try again at 2025-01-01T00:16:40Z|2025-01-01T00:16:40Z",
        "Rate limit exceeded.  Try again at 2025-01-01T00:16:40.5Z.|2025-01-01T00:16:40.500Z",
        "Rate limit exceeded.  Try again at 2025-01-01T00:16:40Z (correlationId lit_1)|2025-01-01T00:16:40Z",
    })
    void retryTime_rfc3339Forms_areRead(String message, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), RateLimitRefusals.retryTime(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Rate limit exceeded.  Try again later.",
        "Rate limit exceeded.  Try again at tomorrow",
        "Rate limit exceeded.  Try again at 2025-13-01T00:00:00Z",
        "Rate limit exceeded.  Try again at 2025-01-01T00:16:40",
        "",
    })
    void retryTime_laterOrUnreadable_isEmpty(String message) {
        assertEquals(Optional.empty(), RateLimitRefusals.retryTime(message));
    }

    @Test
    void isRateLimit_byCodeNotStatus() {
        assertTrue(RateLimitRefusals.isRateLimit(failure(400, "rate_limit_exceeded")));
        assertTrue(RateLimitRefusals.isRateLimit(failure(402, "rate_limit_exceeded")));
        assertFalse(RateLimitRefusals.isRateLimit(failure(402, "NodeNotAuthorized")));
        assertFalse(RateLimitRefusals.isRateLimit(new NodeFailure("http://127.0.0.1:1", 402, Optional.empty(),
                "Rate limit exceeded.  Try again later.", List.of())));
    }

    @Test
    void exception_withoutRateLimitFailures_isEmpty() {
        assertEquals(Optional.empty(), RateLimitRefusals.exception("executeJs", List.of(failure(403,
                "NodeNotAuthorized")), 3, "lit_1"));
    }

    private static NodeFailure failure(int status, String code) {
        return new NodeFailure("http://127.0.0.1:1", status, Optional.of(code), "m", List.of());
    }
}
