package io.litj.node.actions;

import static io.litj.node.actions.SharedRuntime.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.testing.Await;
import io.litj.protocol.LitErrorCode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way an action can end badly, each followed by a normal action on the same runtime (or, on the runtime whose
 * short timeout a normal action could also hit on a loaded machine, by its slot being free again).
 */
class ActionRuntimeLimitsTest {
    private static final String HEALTHY = "LitActions.setResponse({response: 'ok'});";

    /** Small budgets and one slot, with the default 30 s timeout. */
    private static ActionRuntime tight;
    /** Only the wall clock (400 ms) stops a loop; runs nothing but endless code. */
    private static ActionRuntime stopwatch;

    @BeforeAll
    static void start() {
        tight = new ActionRuntime(ActionLimits.defaults()
                .withMaxCodeBytes(4096)
                .withMaxParamsBytes(64)
                .withMaxResponseBytes(16)
                .withMaxLogBytes(32)
                .withMaxConcurrent(1));
        stopwatch = new ActionRuntime(ActionLimits.defaults()
                .withTimeout(Duration.ofMillis(400))
                .withMaxStatements(Long.MAX_VALUE));
    }

    @AfterAll
    static void stop() {
        tight.close();
        stopwatch.close();
    }

    private static void assertHealthy(ActionRuntime runtime) {
        assertEquals("ok", runtime.run(ActionRequest.of(HEALTHY)).response());
    }

    private static ActionException failsOn(ActionRuntime runtime, String code) {
        ActionException e = assertThrows(ActionException.class, () -> runtime.run(ActionRequest.of(code)));
        assertHealthy(runtime);
        return e;
    }

    @Test
    void run_infiniteLoop_stoppedByStatementLimit() {
        ActionException e = assertThrows(ActionException.class,
                () -> SharedRuntime.get().run(ActionRequest.of("console.log('spinning'); while (true) {}")));
        assertEquals(LitErrorCode.NodeJsTimeoutError, e.code());
        assertEquals("Lit Action exceeded its limit of 50000000 JavaScript statements", e.getMessage());
        assertEquals("spinning\n", e.logs());
        assertHealthy(SharedRuntime.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "empty loop            | while (true) {}",
        "loop of cheap builtin | while (true) { Math.max(1, 2); }",
        "loop of heavy builtin | const s = 'ab'.repeat(1e6); while (true) { s.indexOf('c'); }",
        "huge builtin call     | const a = []; a.length = 2 ** 32 - 1; a.fill(1);"})
    void run_busyCodeWithUnlimitedStatements_stoppedByWallClock(String name, String code) {
        long start = System.nanoTime();
        ActionException e = assertThrows(ActionException.class, () -> stopwatch.run(ActionRequest.of(code)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(LitErrorCode.NodeJsTimeoutError, e.code());
        assertEquals("Lit Action timed out after 400 ms", e.getMessage());
        // never early (the deadline starts after the context is built); how late depends on the machine's load
        assertTrue(millis >= 400, "took " + millis + " ms");
        Await.until(() -> stopwatch.activeExecutions() == 0, "the timed-out action's slot to be free again");
    }

    @Test
    void run_thrownError_failsWithMessageLineAndEarlierLogs() {
        ActionException e = failsOn(SharedRuntime.get(), """
                console.log('step', 1);
                function check() {
                  throw new Error('bad thing');
                }
                check();
                """);
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("Uncaught Error: bad thing (line 3, column 9)", e.getMessage());
        assertEquals("step 1\n", e.logs());
    }

    @Test
    void run_thrownNonError_failsWithRenderedValueWithoutLocation() {
        // only an Error carries a stack; a thrown value is reported inside the context, where its site is unknown
        ActionException e = failsOn(SharedRuntime.get(), "throw {reason: 'nope', code: 7};");
        assertEquals("Uncaught { reason: \"nope\", code: 7 }", e.getMessage());
    }

    @Test
    void run_syntaxError_failsWithLineAndColumn() {
        ActionException e = failsOn(SharedRuntime.get(), "const a = 1;\nlet x = ;\n");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("SyntaxError: Expected an operand but found ; (line 2, column 9)", e.getMessage());
    }

    @Test
    void run_topLevelAwait_isASyntaxError() {
        ActionException e = failsOn(SharedRuntime.get(), "await Promise.resolve(1);");
        assertTrue(e.getMessage().startsWith("SyntaxError: "), e.getMessage());
    }

    @Test
    void run_deepRecursion_failsWithRangeError() {
        ActionException e = failsOn(SharedRuntime.get(), "function down(n) { return down(n + 1) + 1; }\ndown(0);");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertTrue(e.getMessage().startsWith("Uncaught RangeError: Maximum call stack size exceeded"),
                e.getMessage());
    }

    @Test
    void run_recursionThousandsDeep_succeeds() {
        assertEquals("5000", SharedRuntime.get().run(ActionRequest.of(
                "function depth(n) { return n === 0 ? 0 : depth(n - 1) + 1; }\n"
                        + "LitActions.setResponse({response: String(depth(5000))});")).response());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "string repeat   | 'x'.repeat(2 ** 30);              | RangeError: Invalid string length",
        "string doubling | let s = 'x'; while (true) s += s; | RangeError: Invalid string length",
        "array buffer    | new ArrayBuffer(2 ** 32);         | RangeError: Array buffer allocation failed",
        "typed array     | new Float64Array(2 ** 31);        | RangeError"})
    void run_hugeAllocationAttempt_failsWithRangeError(String name, String code, String expected) {
        ActionException e = failsOn(SharedRuntime.get(), code);
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertTrue(e.getMessage().startsWith("Uncaught " + expected), e.getMessage());
    }

    @Test
    void run_responseOverBudgetInBytes_failsWithLitMessage() {
        ActionException e = failsOn(tight, "LitActions.setResponse({response: 'éééééééé!'});");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("Uncaught Error: Response is too long. Max length is 16 bytes (line 1, column 12)",
                e.getMessage());
    }

    @Test
    void run_responseExactlyAtBudget_succeeds() {
        assertEquals("éééééééé", tight.run(ActionRequest.of("LitActions.setResponse({response: 'éééééééé'});"))
                .response());
    }

    @Test
    void run_responseTooLongCaughtByAction_keepsEarlierResponse() {
        assertEquals("short", tight.run(ActionRequest.of("""
                LitActions.setResponse({response: 'short'});
                try { LitActions.setResponse({response: 'x'.repeat(17)}); } catch (e) { }
                """)).response());
    }

    @Test
    void run_codeOverLimit_refusedBeforeRunning() {
        String code = "console.log('never');/*" + "x".repeat(4096) + "*/";
        ActionException e = assertThrows(ActionException.class, () -> tight.run(ActionRequest.of(code)));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
        assertEquals("Lit Action code is " + code.length() + " bytes; the limit is 4096 bytes", e.getMessage());
        assertEquals("", e.logs());
        assertHealthy(tight);
    }

    @Test
    void run_paramsOverLimit_refusedBeforeRunning() {
        ActionException e = assertThrows(ActionException.class, () -> tight.run(ActionRequest.of(HEALTHY,
                json("{\"blob\":\"" + "y".repeat(60) + "\"}"))));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
        assertEquals("jsParams are 71 bytes as JSON; the limit is 64 bytes", e.getMessage());
        assertHealthy(tight);
    }

    @Test
    void run_logsOverBudget_truncatedWithMarkerNotAnError() {
        ActionResult r = tight.run(ActionRequest.of("""
                for (let i = 0; i < 100; i++) console.log('line', i);
                LitActions.setResponse({response: 'done'});
                """));
        assertEquals("done", r.response());
        assertEquals("line 0\nline 1\nline 2\nline 3\nline\n" + LogSink.marker(32), r.logs());
    }

    @Test
    void run_moreThanMaxConcurrent_refusedWithOverload() throws Exception {
        // an endless action holds the only slot until the runtime is closed: nothing here depends on timing
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             ActionRuntime one = new ActionRuntime(ActionLimits.defaults().withMaxStatements(Long.MAX_VALUE)
                     .withMaxConcurrent(1))) {
            Future<ActionException> busy = pool.submit(() -> assertThrows(ActionException.class,
                    () -> one.run(ActionRequest.of("while (true) {}"))));
            Await.until(() -> one.activeExecutions() == 1, "the endless action to take the slot");
            ActionException e = assertThrows(ActionException.class,
                    () -> one.run(ActionRequest.of(HEALTHY).withCaller("someone else")));
            assertEquals(LitErrorCode.NodeConcurrencyOverload, e.code());
            assertEquals("too many Lit Actions running (limit 1)", e.getMessage());
            one.close();
            assertEquals(LitErrorCode.NodeSystemFault, busy.get().code());
        }
    }
}
