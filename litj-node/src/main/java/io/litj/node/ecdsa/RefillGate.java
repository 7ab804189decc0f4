package io.litj.node.ecdsa;

import java.time.Duration;

/**
 * Keeps background refills out of the way of signing requests: a request holds the gate from its agreement to its
 * share ({@link #enter}, {@link #exit}); a refill waits until no request holds it and none has held it for the
 * settle time ({@link #awaitQuiet}), at most a bounded time, so that on a busy node refills still run. The settle
 * time covers what a request still does after its share (the answer, the other members' shares, the client's
 * combine): a refill started at once competed with it for the CPU. Thread-safe.
 */
final class RefillGate {
    /** How long after the last request's share a refill waits, when nothing else holds it back. */
    static final Duration SETTLE = Duration.ofMillis(50);

    private final long settleNanos;
    private int signing;
    /** Set back by the settle time at first, so that a gate no request ever held is quiet at once. */
    private long lastExitNanos;

    RefillGate() {
        this(SETTLE);
    }

    RefillGate(Duration settle) {
        this.settleNanos = settle.toNanos();
        this.lastExitNanos = System.nanoTime() - settleNanos;
    }

    /** A signing request starts. */
    synchronized void enter() {
        signing++;
    }

    /** A signing request has its share (or failed). */
    synchronized void exit() {
        signing--;
        lastExitNanos = System.nanoTime();
        if (signing == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no signing request is in progress and the settle time has passed since the last one ended, or
     * {@code max} has passed.
     *
     * @return false if interrupted
     */
    synchronized boolean awaitQuiet(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                long settling = lastExitNanos + settleNanos - now;
                if (signing == 0 && settling <= 0) {
                    return true;
                }
                long left = deadline - now;
                if (left <= 0) {
                    return true;
                }
                long wait = signing > 0 ? left : Math.min(left, settling);
                wait(Math.max(1, wait / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
