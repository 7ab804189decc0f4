package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The heap guard and shutdown: the parts that stop actions from outside besides the timeout. */
class ActionRuntimeGuardTest {
    private static final ActionLimits LIMITS = ActionLimits.defaults().withTimeout(ActionLimits.MAX_TIMEOUT);

    /** Heap surviving the last collection, summed over heap pools, as the watchdog measures it. */
    private static long liveHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            total += usage == null ? 0 : usage.getUsed();
        }
        return total;
    }

    @Test
    void run_memoryBomb_stoppedByHeapGuardWithMemoryLimitError() {
        // a ceiling 256 MiB above what is live now keeps the test far from the JVM's real limit
        try (ActionRuntime runtime = new ActionRuntime(LIMITS, liveHeap() + (256L << 20))) {
            ActionException e = assertThrows(ActionException.class, () -> runtime.run(ActionRequest.of("""
                    console.log('allocating');
                    const keep = [];
                    while (true) keep.push(new Array(100000).fill(1.5));
                    """)));
            assertEquals(LitErrorCode.NodeJsMemoryLimitError, e.code());
            assertEquals("Lit Action stopped: the node is short of memory and this action allocated the most",
                    e.getMessage());
            assertEquals("allocating\n", e.logs());
            System.gc();
            assertEquals("ok", runtime.run(ActionRequest.of("LitActions.setResponse({response: 'ok'})")).response());
        }
    }

    @Test
    void close_whileActionRuns_cancelsItAndRefusesNewRuns() throws Exception {
        ActionRuntime runtime = new ActionRuntime(LIMITS.withMaxStatements(Long.MAX_VALUE));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ActionException> running = pool.submit(() -> assertThrows(ActionException.class,
                    () -> runtime.run(ActionRequest.of("while (true) {}"))));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (runtime.activeExecutions() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            runtime.close();
            ActionException cancelled = running.get();
            assertEquals(LitErrorCode.NodeSystemFault, cancelled.code());
            assertEquals("Lit Action cancelled: the action runtime is shutting down", cancelled.getMessage());
        }
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> runtime.run(ActionRequest.of("LitActions.setResponse({response: 'ok'})")));
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        runtime.close();
    }
}
