package io.litj.node.actions;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops running actions from outside: one daemon thread ticks every {@value #TICK_MILLIS} ms and cancels
 * ({@code Context.close(true)}) an execution past its deadline, and, when the heap that survived the latest garbage
 * collection exceeds the ceiling, the execution that allocated the most since it started.
 *
 * <p>GraalJS Community has no per-context heap limit; this guard is what keeps a memory bomb from throwing
 * {@link OutOfMemoryError} into the node's other threads. It only blames executions that started before the
 * collection whose result it reads, and acts at most once per collection, so stale numbers cannot stop a new action.
 * Thread-safe.
 */
final class Watchdog implements AutoCloseable {
    static final long TICK_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final long heapCeilingBytes;
    private final Set<ActionExecution> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final List<MemoryPoolMXBean> heapPools;
    private final List<GarbageCollectorMXBean> collectors;
    private final com.sun.management.ThreadMXBean threads;
    private long actedOnCollection = -1;
    private volatile CancelReason cancelledAll;

    Watchdog(long heapCeilingBytes) {
        if (heapCeilingBytes <= 0) {
            throw new IllegalArgumentException("heapCeilingBytes must be positive");
        }
        this.heapCeilingBytes = heapCeilingBytes;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .toList();
        this.collectors = List.copyOf(ManagementFactory.getGarbageCollectorMXBeans());
        this.threads = allocationCounter();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("litj-action-watchdog").daemon(true).factory());
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The default ceiling: 80 % of the maximum heap. */
    static long defaultHeapCeiling() {
        return Runtime.getRuntime().maxMemory() / 10 * 8;
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

    /** Collections run so far by all collectors; an execution records it when it starts. */
    long collectionCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    /** Bytes the calling thread allocated so far, or -1 where the JVM cannot tell. */
    long currentThreadAllocatedBytes() {
        return threads == null ? -1 : threads.getCurrentThreadAllocatedBytes();
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
            if (running.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            for (ActionExecution execution : running) {
                if (now - execution.deadlineNanos() >= 0) {
                    execution.cancel(CancelReason.TIMEOUT);
                }
            }
            checkHeap();
        } catch (RuntimeException e) {
            LOG.warn("action watchdog tick failed: {}", e.toString());
        }
    }

    private void checkHeap() {
        long collections = collectionCount();
        if (collections == actedOnCollection) {
            return;
        }
        long live = liveAfterLastCollection();
        if (live <= heapCeilingBytes) {
            return;
        }
        Optional<ActionExecution> culprit = running.stream()
                .filter(e -> e.startCollectionCount() < collections)
                .max(Comparator.comparingLong(this::allocatedSinceStart));
        if (culprit.isEmpty()) {
            return;
        }
        actedOnCollection = collections;
        ActionExecution execution = culprit.get();
        LOG.warn("heap guard: {} MiB live after GC is over the {} MiB ceiling; stopping the Lit Action that "
                + "allocated {} MiB since it started", live >> 20, heapCeilingBytes >> 20,
                Math.max(0, allocatedSinceStart(execution)) >> 20);
        execution.cancel(CancelReason.MEMORY);
    }

    private long liveAfterLastCollection() {
        long total = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null) {
                total += usage.getUsed();
            }
        }
        return total;
    }

    private long allocatedSinceStart(ActionExecution execution) {
        if (threads == null || execution.startAllocatedBytes() < 0) {
            // no allocation counters: blame the longest-running execution
            return -execution.deadlineNanos();
        }
        long now = threads.getThreadAllocatedBytes(execution.threadId());
        return now < 0 ? 0 : now - execution.startAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        // HotSpot enables per-thread allocation counting by default; if someone turned it off, leave it off
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean;
        }
        return null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Why an execution was cancelled from outside its thread. */
    enum CancelReason {
        TIMEOUT, MEMORY, SHUTDOWN, CALLER_GONE
    }
}
