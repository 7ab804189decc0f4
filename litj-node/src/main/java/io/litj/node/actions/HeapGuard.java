package io.litj.node.actions;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.litj.node.actions.Watchdog.CancelReason;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the actions that fill the heap before the JVM throws {@link OutOfMemoryError} into the node's other threads
 * (GraalJS Community has no per-context heap limit).
 *
 * <p>A check starts when, while actions run, a garbage collection leaves more than the ceiling (default 70 % of the
 * maximum heap) in use, or when the watchdog's poll ({@link #poll()}, every tick) finds more than that in use,
 * garbage included (eight allocators fill a small heap between two collections). It runs on the guard's own thread,
 * one at a time:
 * <ol>
 *   <li>the reading must be of live data: after a full collection as it stands; otherwise (a young collection, a
 *       poll) the guard runs a full collection itself ({@code System.gc()}, at most every 250 ms) and reads the heap
 *       again, unless the heap is already past the emergency mark halfway between the ceiling and the maximum,
 *       where it acts on the reading as it is;</li>
 *   <li>memory of executions already cancelled is counted as freed (they stay registered until their context is
 *       closed);</li>
 *   <li>if the rest is still over the ceiling, every running execution that allocated at least {@code 1/64} of
 *       the maximum heap since it started is cancelled with {@code NodeJsMemoryLimitError}; and when the reading is
 *       of live data, heaviest first, lighter ones too (down to {@code 1/1024} of the heap) until what the stopped
 *       ones allocated covers the excess, so that many medium allocators cannot hide under the first mark. Small
 *       actions (a simple one allocates a few hundred KiB) are never blamed.</li>
 * </ol>
 * Cancelling does not wait for the execution's thread, so every heavy allocator is stopped in one round. Allocation
 * is measured per action thread ({@code ThreadMXBean.getThreadAllocatedBytes}); it counts garbage too, so under
 * memory pressure a computation that churns through much memory can be stopped with the hog. Where the JVM cannot
 * tell, the guard stops the longest-running execution. Thread-safe.
 */
final class HeapGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);
    /** The guard runs a full collection of its own at most this often. */
    private static final long FORCED_GC_INTERVAL_NANOS = 250_000_000L;

    private final long ceilingBytes;
    private final long emergencyBytes;
    private final long heavyBytes;
    private final long lightBytes;
    private final Supplier<Collection<ActionExecution>> running;
    private final com.sun.management.ThreadMXBean threads;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> onNotification(notification);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("litj-action-heap-guard").daemon(true).factory());
    private final AtomicBoolean checkPending = new AtomicBoolean();
    private long lastForcedGcNanos = System.nanoTime() - FORCED_GC_INTERVAL_NANOS;

    HeapGuard(long ceilingBytes, Supplier<Collection<ActionExecution>> running) {
        if (ceilingBytes <= 0) {
            throw new IllegalArgumentException("heapCeilingBytes must be positive");
        }
        long max = Runtime.getRuntime().maxMemory();
        this.ceilingBytes = ceilingBytes;
        this.emergencyBytes = ceilingBytes + Math.max(0, max - ceilingBytes) / 2;
        this.heavyBytes = max / 64;
        this.lightBytes = max / 1024;
        this.running = running;
        this.threads = allocationCounter();
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        if (emitters.isEmpty()) {
            LOG.warn("this JVM reports no garbage collections: the Lit Action heap guard is off");
        }
    }

    /**
     * The default ceiling: 70 % of the maximum heap. At 80 %, eight allocators in a 512 MiB heap outran the guard
     * in 7 of 14 runs of {@code ActionRuntimeMemoryTest} (0 of 24 at 70 %): an {@link OutOfMemoryError} reached
     * the watchdog and a small action before the guard had stopped them.
     */
    static long defaultCeiling() {
        return Runtime.getRuntime().maxMemory() / 10 * 7;
    }

    /** Bytes the calling thread allocated so far, or -1 where the JVM cannot tell. */
    long currentThreadAllocatedBytes() {
        return threads == null ? -1 : threads.getCurrentThreadAllocatedBytes();
    }

    private void onNotification(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        if (used > ceilingBytes) {
            startCheck(info.getGcAction().contains("major") ? used : -1);
        }
    }

    /** Starts a check if the heap in use, garbage included, is over the ceiling; cheap, called every tick. */
    void poll() {
        if (memory.getHeapMemoryUsage().getUsed() > ceilingBytes) {
            startCheck(-1);
        }
    }

    /** @param live heap in use right after a full collection, or -1 if unknown */
    private void startCheck(long live) {
        if (running.get().isEmpty() || !checkPending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> check(live));
        } catch (RuntimeException | OutOfMemoryError e) {
            checkPending.set(false); // closed, or no memory for the task: the next tick tries again
        }
    }

    private void check(long liveAfterFullGc) {
        try {
            // cancelled executions seen before the reading: their memory may still be in it even if they end now
            Map<ActionExecution, Long> unwinding = new HashMap<>();
            noteUnwinding(unwinding);
            long live = liveAfterFullGc;
            boolean confirmed = true;
            if (live < 0) {
                live = memory.getHeapMemoryUsage().getUsed();
                long now = System.nanoTime();
                if (live >= emergencyBytes) {
                    confirmed = false;
                } else if (now - lastForcedGcNanos < FORCED_GC_INTERVAL_NANOS) {
                    return; // confirmed a moment ago; act again at the emergency mark or the next reading
                } else {
                    lastForcedGcNanos = now;
                    System.gc();
                    live = memory.getHeapMemoryUsage().getUsed();
                }
            }
            noteUnwinding(unwinding);
            blame(live, confirmed, unwinding);
        } catch (RuntimeException | OutOfMemoryError e) {
            // this thread must survive the very shortage it guards against
            LOG.warn("Lit Action heap guard check failed: {}", e.getClass().getName());
        } finally {
            checkPending.set(false);
        }
    }

    private void noteUnwinding(Map<ActionExecution, Long> unwinding) {
        for (ActionExecution execution : running.get()) {
            if (execution.isCancelled()) {
                unwinding.merge(execution, Math.max(0, allocatedSinceStart(execution)), Math::max);
            }
        }
    }

    /**
     * @param confirmed whether {@code live} was read right after a full collection (else it holds garbage too)
     * @param unwinding allocation of cancelled executions, whose memory is being freed
     */
    private void blame(long live, boolean confirmed, Map<ActionExecution, Long> unwinding) {
        long freeing = unwinding.values().stream().mapToLong(Long::longValue).sum();
        long excess = live - freeing - ceilingBytes;
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<ActionExecution, Long>> candidates = new ArrayList<>();
        for (ActionExecution execution : running.get()) {
            if (!execution.isCancelled()) {
                candidates.add(Map.entry(execution, allocatedSinceStart(execution)));
            }
        }
        candidates.sort(Map.Entry.<ActionExecution, Long>comparingByValue().reversed());
        long stoppedBytes = 0;
        int stopped = 0;
        for (Map.Entry<ActionExecution, Long> candidate : candidates) {
            long allocated = candidate.getValue();
            boolean heavy = allocated >= heavyBytes;
            boolean coversExcess = confirmed && allocated >= lightBytes && stoppedBytes < excess;
            if (!heavy && !coversExcess) {
                break;
            }
            candidate.getKey().cancel(CancelReason.MEMORY);
            stoppedBytes += allocated;
            stopped++;
        }
        if (stopped > 0) {
            LOG.warn("heap guard: {} MiB in use{} ({} MiB of it in cancelled actions) is over the {} MiB ceiling; "
                    + "stopped {} Lit Action(s) that allocated {} MiB together", live >> 20,
                    confirmed ? " after a full collection" : "", freeing >> 20, ceilingBytes >> 20, stopped,
                    stoppedBytes >> 20);
        }
    }

    /** Bytes the execution's thread allocated since it started; without counters, its age (longest runs first). */
    private long allocatedSinceStart(ActionExecution execution) {
        if (threads == null || execution.startAllocatedBytes() < 0) {
            return Long.MAX_VALUE / 2 - execution.deadlineNanos() / 2;
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
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        worker.shutdownNow();
    }
}
