package io.litj.node.actions;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops running actions from outside: one daemon thread ticks every {@value #TICK_MILLIS} ms, cancels an execution
 * past its deadline and lets the {@link HeapGuard} look at the heap, which cancels the heaviest allocators when the
 * heap is short.
 * Cancelling never blocks the watchdog: the execution hands the close of its context to another thread (see
 * {@link ActionExecution#cancel}), so one action that is slow to stop cannot delay the timeout of the others.
 * Thread-safe.
 */
final class Watchdog implements AutoCloseable {
    static final long TICK_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final Set<ActionExecution> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final HeapGuard heap;
    private volatile CancelReason cancelledAll;

    Watchdog(long heapCeilingBytes) {
        this.heap = new HeapGuard(heapCeilingBytes, () -> Collections.unmodifiableSet(running));
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("litj-action-watchdog").daemon(true).factory());
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The default heap ceiling ({@link HeapGuard#defaultCeiling()}). */
    static long defaultHeapCeiling() {
        return HeapGuard.defaultCeiling();
    }

    /** Watches {@code execution} until {@link #unregister}; cancels it at once after {@link #cancelAll}. */
    void register(ActionExecution execution) {
        running.add(execution);
        CancelReason reason = cancelledAll;
        if (reason != null) {
            execution.cancel(reason);
        }
    }

    void unregister(ActionExecution execution) {
        running.remove(execution);
    }

    /** Bytes the calling thread allocated so far, or -1 where the JVM cannot tell. */
    long currentThreadAllocatedBytes() {
        return heap.currentThreadAllocatedBytes();
    }

    /** Cancels every running execution, and every one registered from now on, with {@code reason}. */
    void cancelAll(CancelReason reason) {
        cancelledAll = reason;
        for (ActionExecution execution : running) {
            execution.cancel(reason);
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            for (ActionExecution execution : running) {
                if (now - execution.deadlineNanos() >= 0) {
                    execution.cancel(CancelReason.TIMEOUT);
                }
            }
            if (!running.isEmpty()) {
                heap.poll();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // a task that throws is never scheduled again: the watchdog must outlive a failed tick
            LOG.warn("action watchdog tick failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        heap.close();
    }

    /** Why an execution was cancelled from outside its thread. */
    enum CancelReason {
        TIMEOUT, MEMORY, SHUTDOWN, CALLER_GONE
    }
}
