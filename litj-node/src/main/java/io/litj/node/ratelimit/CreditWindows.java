package io.litj.node.ratelimit;

import io.litj.node.registry.CapacityCredit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocation-mode accounting, a sliding window per credit: a credit of {@code r} requests per kilosecond admits at most
 * {@code quota = floor(r × window / 1000 s)} requests in any stretch of time as long as its window. The window is the
 * node's ({@link CapacityLimits#window()}), or {@code 1000 s / r} if that is longer, so that every credit pays for at
 * least one request and never more than its rate.
 *
 * <p>Each credit keeps {@value #BUCKETS} + 1 counters, one per {@code window / }{@value #BUCKETS} of time; a request
 * at {@code t} is admitted if the counters of the buckets that overlap {@code [t − window, t]} add up to less than the
 * quota. Those buckets cover the whole window, so no window ever holds more than the quota; they may also cover up to
 * one bucket before it, so a credit under steady load gets at least {@code (1 − 1/}{@value #BUCKETS}{@code )} of its
 * quota. A refusal says when the oldest counted bucket leaves the window. Memory: one small entry per credit charged
 * within its window; every {@value #PRUNE_EVERY} admissions entries idle for a whole window are dropped. Thread-safe
 * (one lock per credit).
 */
final class CreditWindows {
    static final int BUCKETS = 60;
    static final int PRUNE_EVERY = 1024;
    private static final long KILOSECOND_NANOS = 1_000_000_000_000L;

    private final long windowNanos;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
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
        long rate = credit.requestsPerKilosecond();
        long window = Math.max(windowNanos, KILOSECOND_NANOS / rate);
        long quota = Math.max(1, (long) Math.floor((double) rate * window / KILOSECOND_NANOS));
        Window w = windows.computeIfAbsent(credit.tokenId(), id -> new Window());
        long retry = w.tryAcquire(t, window, quota);
        if (retry != 0) {
            return Optional.of(Instant.ofEpochSecond(Math.floorDiv(retry, 1_000_000_000L),
                    Math.floorMod(retry, 1_000_000_000L)));
        }
        if (admissions.incrementAndGet() % PRUNE_EVERY == 0) {
            windows.entrySet().removeIf(e -> e.getValue().idleSince(t));
        }
        return Optional.empty();
    }

    /** Credits with an entry now (for tests of the pruning). */
    int tracked() {
        return windows.size();
    }

    private static long nanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    /** One credit's counters: a ring of {@code BUCKETS + 1} slots, each holding its bucket's number and count. */
    private static final class Window {
        private final long[] ids = new long[BUCKETS + 1];
        private final long[] counts = new long[BUCKETS + 1];
        private long width;
        private long last = Long.MIN_VALUE;

        /** 0 if admitted; else the instant (epoch nanos) a request would be. */
        synchronized long tryAcquire(long t, long window, long quota) {
            if (width != Math.max(1, window / BUCKETS)) {
                width = Math.max(1, window / BUCKETS);
                java.util.Arrays.fill(counts, 0);
                java.util.Arrays.fill(ids, Long.MIN_VALUE);
            }
            long current = Math.floorDiv(t, width);
            long oldest = current - BUCKETS;
            long total = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                if (ids[i] >= oldest && ids[i] <= current) {
                    total += counts[i];
                }
            }
            if (total >= quota) {
                for (long id = oldest; id <= current; id++) {
                    int slot = (int) Math.floorMod(id, (long) BUCKETS + 1);
                    if (ids[slot] == id) {
                        total -= counts[slot];
                        if (total < quota) {
                            return (id + BUCKETS + 1) * width;
                        }
                    }
                }
                return (current + BUCKETS + 1) * width;
            }
            int slot = (int) Math.floorMod(current, (long) BUCKETS + 1);
            if (ids[slot] != current) {
                ids[slot] = current;
                counts[slot] = 0;
            }
            counts[slot]++;
            last = t;
            return 0;
        }

        /** True if nothing was admitted within a whole window before {@code t}. */
        synchronized boolean idleSince(long t) {
            return last == Long.MIN_VALUE || t - last > width * (BUCKETS + 1);
        }
    }
}
