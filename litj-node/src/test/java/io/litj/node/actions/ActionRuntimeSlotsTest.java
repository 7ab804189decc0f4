package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.testing.Await;
import io.litj.protocol.LitErrorCode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Execution slots: one caller holds at most its share, every node's runtime has slots of its own on the shared
 * engine, and a slot is free again only once its action's thread has really stopped. Endless actions hold their
 * slots until the test closes the runtime or lets their cancellation through; nothing here waits a fixed time.
 */
class ActionRuntimeSlotsTest {
    private static final String HEALTHY = "LitActions.setResponse({response: 'ok'});";

    private static void assertHealthy(ActionRuntime runtime, String caller) {
        assertEquals("ok", runtime.run(ActionRequest.of(HEALTHY).withCaller(caller)).response());
    }

    @Test
    void run_callerHoldingItsShare_refusedWhileOthersRun() throws Exception {
        // 4 slots, one per caller (25 %); the endless actions end when the runtime is closed
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             ActionRuntime four = new ActionRuntime(ActionLimits.defaults().withMaxStatements(Long.MAX_VALUE)
                     .withMaxConcurrent(4))) {
            Future<ActionException> alice = pool.submit(() -> assertThrows(ActionException.class,
                    () -> four.run(ActionRequest.of("while (true) {}").withCaller("0xA11ce"))));
            Await.until(() -> four.activeExecutions() == 1, "alice's endless action to take a slot");

            ActionException e = assertThrows(ActionException.class,
                    () -> four.run(ActionRequest.of(HEALTHY).withCaller("0xA11ce")));
            assertEquals(LitErrorCode.NodeConcurrencyOverload, e.code());
            assertEquals("caller 0xA11ce already runs 1 Lit Action on this node; one caller may run at most 1 of "
                    + "its 4 at once", e.getMessage());
            assertEquals("", e.logs());
            assertHealthy(four, "0xB0b");
            assertHealthy(four, ActionRequest.ANONYMOUS);
            four.close();
            assertEquals(LitErrorCode.NodeSystemFault, alice.get().code());
        }
    }

    @Test
    void withOwnSlots_otherRuntimeFull_stillRunsAndSharesTheEngine() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             ActionRuntime first = new ActionRuntime(ActionLimits.defaults().withMaxStatements(Long.MAX_VALUE)
                     .withMaxConcurrent(1));
             ActionRuntime second = first.withOwnSlots()) {
            Future<ActionException> busy = pool.submit(() -> assertThrows(ActionException.class,
                    () -> first.run(ActionRequest.of("while (true) {}"))));
            Await.until(() -> first.activeExecutions() == 1, "the endless action to take the first runtime's slot");

            assertEquals(LitErrorCode.NodeConcurrencyOverload, assertThrows(ActionException.class,
                    () -> first.run(ActionRequest.of(HEALTHY).withCaller("other"))).code());
            assertHealthy(second, ActionRequest.ANONYMOUS);
            assertEquals(0, second.activeExecutions());
            assertEquals(first.limits(), second.limits());

            second.close();
            assertEquals(1, first.activeExecutions(), "closing the second runtime leaves the first's action alone");
            first.close();
            assertEquals(LitErrorCode.NodeSystemFault, busy.get().code());
            assertEquals(LitErrorCode.NodeSystemFault, assertThrows(LitNodeException.class,
                    () -> second.run(ActionRequest.of(HEALTHY))).code());
        }
    }

    @Test
    void run_timedOutActionStillRunning_keepsItsSlotUntilItsContextIsClosed() {
        HeldExecutor cancellations = new HeldExecutor();
        ActionLimits limits = ActionLimits.defaults().withTimeout(Duration.ofMillis(50))
                .withMaxStatements(Long.MAX_VALUE).withMaxConcurrent(1);
        try (ActionRuntime runtime = new ActionRuntime(limits, Watchdog.defaultHeapCeiling(), Duration.ofMillis(50),
                cancellations)) {
            try {
                ActionException e = assertThrows(ActionException.class,
                        () -> runtime.run(ActionRequest.of("while (true) {}")));
                assertEquals(LitErrorCode.NodeJsTimeoutError, e.code());
                assertEquals("Lit Action timed out after 50 ms", e.getMessage());

                // the caller has its answer, but the cancellation is held: the loop still runs in its context
                assertEquals(1, cancellations.heldCount());
                assertEquals(1, runtime.activeExecutions());
                ActionException refused = assertThrows(ActionException.class,
                        () -> runtime.run(ActionRequest.of(HEALTHY)));
                assertEquals(LitErrorCode.NodeConcurrencyOverload, refused.code());
            } finally {
                cancellations.release();
            }
            Await.until(() -> runtime.activeExecutions() == 0, "the cancelled action's thread to give its slot back");
        }
    }
}
