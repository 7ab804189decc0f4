package io.litj.node.ecdsa;

import java.time.Duration;

/**
 * Keeps background refills out of the way of signing requests: a request holds the gate from its agreement to its
 * share ({@link #enter}, {@link #exit}); a refill waits until no request holds it ({@link #awaitQuiet}), at most a
 * bounded time, so that on a busy node refills still run. Thread-safe.
 */
final class RefillGate {
    private int signing;

    /** A signing request starts. */
    synchronized void enter() {
        signing++;
    }

    /** A signing request has its share (or failed). */
    synchronized void exit() {
        signing--;
        if (signing == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no signing request is in progress, or {@code max} has passed.
     *
     * @return false if interrupted
     */
    synchronized boolean awaitQuiet(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (signing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
