package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.testing.Await;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contexts prepared ahead of time: each handed out once, the pool refilled, a context built on the spot when none is
 * ready, every context closed with the pool, and nothing one action leaves behind visible to the next. Refills run on
 * a {@link HeldExecutor}, so the tests decide when a build happens.
 */
class ContextPoolTest {
    private static final ActionLimits LIMITS = ActionLimits.defaults();
    private static ActionEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new ActionEngine(LIMITS.maxStatements(), Watchdog.defaultHeapCeiling(), ActionEngine.GRACE, null);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** Builds real contexts and remembers each one. */
    private static final class CountingFactory {
        final List<PreparedContext> built = Collections.synchronizedList(new ArrayList<>());

        PreparedContext build() {
            PreparedContext context = engine.prepareContext(LIMITS);
            built.add(context);
            return context;
        }
    }

    private static boolean isClosed(PreparedContext context) {
        try {
            context.context().eval("js", "1");
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Test
    void take_manyTimes_neverHandsOutAContextTwice() {
        CountingFactory factory = new CountingFactory();
        HeldExecutor preparer = new HeldExecutor();
        preparer.release();
        try (ContextPool pool = new ContextPool(3, factory::build, preparer)) {
            Set<PreparedContext> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 8; i++) {
                PreparedContext context = pool.take();
                assertTrue(seen.add(context), "context handed out twice at take " + i);
                context.close();
                pool.refill();
            }
            assertEquals(3, pool.ready());
            assertEquals(8 + 3, factory.built.size());
        }
    }

    @Test
    void take_firstTake_buildsInlineAndAsksForTheCapacity() {
        CountingFactory factory = new CountingFactory();
        HeldExecutor preparer = new HeldExecutor();
        try (ContextPool pool = new ContextPool(2, factory::build, preparer)) {
            assertEquals(0, preparer.heldCount(), "no builds before the first take");
            PreparedContext inline = pool.take();
            assertNotNull(inline);
            assertEquals(1, factory.built.size(), "built on the calling thread");
            assertEquals(2, preparer.heldCount(), "the pool asked for its capacity");
            assertEquals(0, pool.ready());
            inline.close();

            preparer.release();
            assertEquals(2, pool.ready());
        }
    }

    @Test
    void refill_afterTakingAReadyContext_fillsThePoolAgain() {
        CountingFactory factory = new CountingFactory();
        HeldExecutor preparer = new HeldExecutor();
        try (ContextPool pool = new ContextPool(2, factory::build, preparer)) {
            pool.take().close();
            preparer.release();
            assertEquals(2, pool.ready());

            PreparedContext fromPool = pool.take();
            assertTrue(factory.built.subList(1, 3).contains(fromPool), "a context built ahead of time");
            assertEquals(1, pool.ready(), "no build while the request runs");
            fromPool.close();
            pool.refill();
            assertEquals(2, pool.ready(), "a replacement was built once asked");
            assertEquals(4, factory.built.size());
            pool.refill();
            assertEquals(4, factory.built.size(), "a full pool asks for nothing");
        }
    }

    @Test
    void take_emptyPoolWhileBuildsPending_buildsOnTheCallingThread() {
        CountingFactory factory = new CountingFactory();
        HeldExecutor preparer = new HeldExecutor();
        try (ContextPool pool = new ContextPool(2, factory::build, preparer)) {
            PreparedContext first = pool.take();
            PreparedContext second = pool.take();
            assertEquals(2, factory.built.size());
            assertEquals(2, preparer.heldCount(), "no more builds asked for than the capacity");
            assertTrue(first != second);
            first.close();
            second.close();
        }
    }

    @Test
    void take_capacityZero_alwaysBuildsInline() {
        CountingFactory factory = new CountingFactory();
        HeldExecutor preparer = new HeldExecutor();
        try (ContextPool pool = new ContextPool(0, factory::build, preparer)) {
            pool.take().close();
            pool.take().close();
            assertEquals(2, factory.built.size());
            assertEquals(0, preparer.heldCount());
            assertEquals(0, pool.ready());
        }
    }

    @Test
    void close_readyAndStillBuildingContexts_allClosed() {
        CountingFactory factory = new CountingFactory();
        HeldExecutor preparer = new HeldExecutor();
        ContextPool pool = new ContextPool(2, factory::build, preparer);
        pool.take().close();
        preparer.release();
        assertEquals(2, pool.ready());
        HeldExecutor late = new HeldExecutor();
        ContextPool building = new ContextPool(1, factory::build, late);
        building.take().close();

        pool.close();
        building.close();
        late.release(); // the build asked for before the close finishes after it
        assertEquals(0, pool.ready());
        assertEquals(0, building.ready());
        assertEquals(5, factory.built.size());
        for (PreparedContext context : factory.built) {
            assertTrue(isClosed(context), "a context outlived its pool");
        }
        pool.take().close();
        assertEquals(6, factory.built.size(), "a closed pool builds inline and asks for no more");
    }

    @Test
    void close_runtimeStops_closesItsPreparedContexts() {
        try (ActionRuntime owner = new ActionRuntime(LIMITS.withPreparedContexts(2));
             ActionRuntime node = owner.withOwnSlots()) {
            assertEquals(0, node.preparedContextsReady(), "a runtime keeps no contexts before its first action");
            assertEquals("ok", node.run(ActionRequest.of("LitActions.setResponse({response: 'ok'});")).response());
            Await.until(() -> node.preparedContextsReady() == 2, "the node's pool to fill");
            node.close();
            assertEquals(0, node.preparedContextsReady());
            assertEquals("ok", owner.run(ActionRequest.of("LitActions.setResponse({response: 'ok'});"))
                    .response(), "the other runtime on the engine keeps working");
        }
    }

    @Test
    void run_globalsSetByOneAction_absentInTheNext() {
        try (ActionRuntime runtime = new ActionRuntime(LIMITS.withPreparedContexts(2))) {
            String code = """
                    const seen = [typeof leaked, typeof Object.prototype.polluted, typeof LitActions.extra,
                      String(globalThis.counter)].join(',');
                    globalThis.leaked = 'x';
                    Object.prototype.polluted = 'x';
                    globalThis.counter = (globalThis.counter || 0) + 1;
                    try { LitActions.extra = 1; } catch (e) { }
                    LitActions.setResponse({response: seen});
                    """;
            for (int i = 0; i < 6; i++) {
                if (i > 0) {
                    Await.until(() -> runtime.preparedContextsReady() > 0, "a prepared context");
                }
                assertEquals("undefined,undefined,undefined,undefined",
                        runtime.run(ActionRequest.of(code)).response(), "run " + i);
            }
        }
    }

    @Test
    void new_negativeCapacity_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ContextPool(-1, () -> null, Runnable::run));
    }
}
