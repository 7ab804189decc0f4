package io.litj.node.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread makes true. The deadline only guards against a hang (a test that
 * waits for something that never happens fails instead of blocking the build); correctness never depends on it.
 */
public final class Await {
    /** Far longer than any condition here should take, even on a loaded 2-core machine. */
    public static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test naming {@code what} after {@link #HANG_GUARD}. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("still waiting after " + HANG_GUARD.toSeconds() + " s for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: " + what);
            }
        }
    }
}
