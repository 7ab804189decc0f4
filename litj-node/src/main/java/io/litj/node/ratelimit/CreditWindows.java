package io.litj.node.ratelimit;

import io.litj.node.registry.CapacityCredit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocation-mode accounting: each credit pays for {@code requestsPerKilosecond × window / 1000 s} requests in any
 * stretch of time as long as the window (at least one per {@code 1000 s / requestsPerKilosecond}). Kept per credit
 * as one number, the generic cell rate algorithm's theoretical arrival time: a request at {@code t} is admitted if
 * {@code max(tat, t) − t ≤ window − interval}, and then moves {@code tat} on by one interval; a refusal says when the
 * credit has room again ({@code tat − (window − interval)}). So memory is one entry per credit in use, and an entry
 * whose {@code tat} has passed equals a fresh one: every {@value #PRUNE_EVERY} admissions such entries are dropped.
 * Thread-safe (one atomic update per credit).
 */
final class CreditWindows {
    static final int PRUNE_EVERY = 1024;
    private static final long KILOSECOND_NANOS = 1_000_000_000_000L;

    private final long windowNanos;
    private final ConcurrentHashMap<String, Long> tat = new ConcurrentHashMap<>();
    private final AtomicLong admissions = new AtomicLong();

    CreditWindows(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Charges one request to {@code credit} at {@code now}.
     *
     * @return empty if admitted; else when the credit has room again
     */
    Optional<Instant> tryAcquire(CapacityCredit credit, Instant now) {
        long t = nanos(now);
        long interval = Math.max(1, KILOSECOND_NANOS / credit.requestsPerKilosecond());
        long tolerance = Math.max(0, windowNanos - interval);
        long[] retry = {Long.MIN_VALUE};
        tat.compute(credit.tokenId(), (id, previous) -> {
            long start = previous == null ? t : Math.max(previous, t);
            if (start - t > tolerance) {
                retry[0] = start - tolerance;
                return previous;
            }
            return start + interval;
        });
        if (retry[0] != Long.MIN_VALUE) {
            return Optional.of(Instant.ofEpochSecond(0, retry[0]));
        }
        if (admissions.incrementAndGet() % PRUNE_EVERY == 0) {
            tat.entrySet().removeIf(e -> e.getValue() <= t);
        }
        return Optional.empty();
    }

    /** Credits with an entry now (for tests of the pruning). */
    int tracked() {
        return tat.size();
    }

    private static long nanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }
}
