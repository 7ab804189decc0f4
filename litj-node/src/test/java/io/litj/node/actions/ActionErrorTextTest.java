package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Error text is cut to the response budget before it reaches an error body: a thrown value, an error message, a
 * rejection reason or a rendered object longer than {@code maxResponseBytes} UTF-8 bytes ends in a marker.
 */
class ActionErrorTextTest {
    private static final int BUDGET = 1024;
    private static final String MARKER = "… [error text truncated to " + BUDGET + " bytes]";

    private static ActionRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new ActionRuntime(ActionLimits.defaults().withMaxResponseBytes(BUDGET).withMaxLogBytes(256));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static ActionException fails(String code) {
        ActionException e = assertThrows(ActionException.class, () -> runtime.run(ActionRequest.of(code)));
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        return e;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void run_thrownStringOverBudget_cutToBudgetWithMarker() {
        ActionException e = fails("throw 'x'.repeat(1e6);");
        assertEquals("Uncaught " + "x".repeat(BUDGET) + MARKER, e.getMessage());
    }

    @Test
    void run_thrownStringOfFiftyMegabytes_cutToBudget() {
        ActionException e = fails("throw 'x'.repeat(5e7);");
        assertEquals("Uncaught " + "x".repeat(BUDGET) + MARKER, e.getMessage());
    }

    @Test
    void run_errorWithMultiByteMessageOverBudget_cutOnACharacterBoundary() {
        ActionException e = fails("throw new TypeError('é'.repeat(1e6));");
        // "TypeError: " is 11 bytes; each é is 2: 506 fit in the remaining 1013 bytes
        assertEquals("Uncaught TypeError: " + "é".repeat(506) + MARKER, e.getMessage());
    }

    @Test
    void run_errorWithHugeName_cutToBudget() {
        ActionException e = fails("const err = new Error('m'); err.name = 'N'.repeat(1e6); throw err;");
        assertEquals("Uncaught " + "N".repeat(BUDGET) + MARKER, e.getMessage());
    }

    @Test
    void run_unhandledRejectionWithHugeReason_cutToBudget() {
        ActionException e = fails("Promise.reject('r'.repeat(1e6));");
        assertEquals("Uncaught (in promise) " + "r".repeat(BUDGET) + MARKER, e.getMessage());
    }

    @Test
    void run_unhandledRejectionWithHugeErrorMessage_cutToBudget() {
        ActionException e = fails("(async () => { await null; throw new Error('a'.repeat(1e6)); })();");
        assertEquals("Uncaught Error: " + "a".repeat(BUDGET - 7) + MARKER, e.getMessage());
    }

    @Test
    void run_thrownObjectRenderedOverBudget_cutToBudget() {
        ActionException e = fails("throw {big: 'z'.repeat(5000)};");
        String start = "Uncaught {\n  big: \"" + "z".repeat(20);
        assertTrue(e.getMessage().startsWith(start), e.getMessage().substring(0, 40));
        assertTrue(e.getMessage().endsWith(MARKER), "ends with the marker");
        assertEquals(BUDGET, utf8(e.getMessage()) - utf8("Uncaught ") - utf8(MARKER));
    }

    @Test
    void run_thrownObjectHoldingAnErrorWithHugeStack_cutToBudget() {
        ActionException e = fails("throw {cause: new Error('s'.repeat(5000))};");
        assertTrue(e.getMessage().endsWith(MARKER), "ends with the marker");
        assertTrue(utf8(e.getMessage()) <= utf8("Uncaught ") + BUDGET + utf8(MARKER), e.getMessage());
    }

    @Test
    void run_errorTextExactlyAtBudget_keptWholeWithLocation() {
        ActionException e = fails("throw new Error('k'.repeat(" + (BUDGET - 7) + "));");
        assertEquals("Uncaught Error: " + "k".repeat(BUDGET - 7) + " (line 1, column 7)", e.getMessage());
    }

    @Test
    void run_hugeConsoleLineThenThrow_logsCutAtLogBudget() {
        ActionException e = fails("console.log('l'.repeat(1e6)); throw new Error('after');");
        assertEquals("Uncaught Error: after (line 1, column 37)", e.getMessage());
        assertEquals("l".repeat(256) + "\n" + LogSink.marker(256), e.logs());
    }
}
