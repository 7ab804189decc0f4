package io.litj.node.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.registry.CapacityCredit;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Allocation windows: the quota of a window, the retry time, concurrent callers (8 threads, time from a
 * {@link MutableClock} that only the test moves), and pruning.
 */
class CreditWindowsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final EthAddress OWNER = EthAddress.parse("0x" + "34".repeat(20), "owner");

    private static CapacityCredit credit(String id, long perKs) {
        return new CapacityCredit(id, OWNER, perKs, T0.plus(Duration.ofDays(365)));
    }

    @Test
    void window_ofOneKilosecond_admitsExactlyTheRequestsPerKilosecond_atOnce() {
        CreditWindows w = new CreditWindows(Duration.ofSeconds(1000));
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += w.tryAcquire(credit("1", 40), T0).isEmpty() ? 1 : 0;
        }
        assertEquals(40, admitted);
    }

    @Test
    void shorterWindow_scalesTheQuota_andASlowCreditGetsALongerWindow() {
        CreditWindows w = new CreditWindows(Duration.ofSeconds(100));
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += w.tryAcquire(credit("1", 50), T0).isEmpty() ? 1 : 0;
        }
        assertEquals(5, admitted, "50 per kilosecond over 100 s");
        assertEquals(Optional.empty(), w.tryAcquire(credit("2", 1), T0), "one per 1000 s even in a 100 s window");
        Instant retry = w.tryAcquire(credit("2", 1), T0).orElseThrow();
        assertTrue(!retry.isBefore(T0.plusSeconds(1000)) && retry.isBefore(T0.plusSeconds(1000 + 1000 / 60 + 1)),
                retry.toString());
        assertTrue(w.tryAcquire(credit("2", 1), retry.minusNanos(1)).isPresent());
        assertEquals(Optional.empty(), w.tryAcquire(credit("2", 1), retry));
    }

    @Test
    void slidingWindow_refusesUntilTheOldestCountedBucketLeaves() {
        CreditWindows w = new CreditWindows(Duration.ofSeconds(60));
        CapacityCredit c = credit("1", 50);
        assertEquals(Optional.empty(), w.tryAcquire(c, T0));
        assertEquals(Optional.empty(), w.tryAcquire(c, T0.plusSeconds(30)));
        assertEquals(Optional.empty(), w.tryAcquire(c, T0.plusSeconds(31)));
        Optional<Instant> retry = w.tryAcquire(c, T0.plusSeconds(40));
        assertEquals(Optional.of(T0.plusSeconds(61)), retry, "quota 3 in 60 s; the T0 request's bucket ends at 1 s");
        assertTrue(w.tryAcquire(c, T0.plusSeconds(60)).isPresent());
        assertEquals(Optional.empty(), w.tryAcquire(c, T0.plusSeconds(61)));
    }

    /**
     * 8 threads hammer one credit (1000 per kilosecond, window 100 s: 100 per window) in 50 rounds
     * of 25 requests each, the clock moving 10 s between rounds. Every admission is recorded with its time; in any
     * 100 s at most 100 may be admitted, and in all the 500 s (five windows) 500 within 10 %.
     */
    @Test
    void eightConcurrentCallers_windowHonoured() throws Exception {
        CreditWindows w = new CreditWindows(Duration.ofSeconds(100));
        CapacityCredit c = credit("1", 1000);
        MutableClock clock = new MutableClock(T0);
        int threads = 8;
        int rounds = 50;
        Phaser phaser = new Phaser(threads + 1);
        List<Instant> admissions = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        phaser.arriveAndAwaitAdvance();
                        for (int i = 0; i < 25; i++) {
                            Instant now = clock.instant();
                            if (w.tryAcquire(c, now).isEmpty()) {
                                admissions.add(now);
                            }
                        }
                        phaser.arriveAndAwaitAdvance();
                    }
                    return null;
                }));
            }
            for (int r = 0; r < rounds; r++) {
                phaser.arriveAndAwaitAdvance();
                phaser.arriveAndAwaitAdvance();
                clock.advance(Duration.ofSeconds(10));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        int expected = 5 * 100;
        assertTrue(Math.abs(admissions.size() - expected) <= expected / 10, "admitted " + admissions.size());
        for (int start = 0; start <= 490; start += 10) {
            Instant from = T0.plusSeconds(start);
            Instant to = from.plusSeconds(100);
            long inWindow = admissions.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
            assertTrue(inWindow <= 100, "window from " + start + " s admitted " + inWindow);
        }
    }

    @Test
    void entriesWhoseTimeHasPassed_arePruned() {
        CreditWindows w = new CreditWindows(Duration.ofSeconds(1000));
        for (int i = 0; i < CreditWindows.PRUNE_EVERY - 1; i++) {
            w.tryAcquire(credit(Integer.toString(i + 1), 1000), T0);
        }
        assertEquals(CreditWindows.PRUNE_EVERY - 1, w.tracked());
        w.tryAcquire(credit("999999", 1000), T0.plusSeconds(2000));
        assertEquals(1, w.tracked(), "only the credit charged at T0+2000s was charged within its window");
    }
}
