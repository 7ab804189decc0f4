package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code litj demo} — the README's first command — runs end to end through the same entry point. */
class DemoCommandTest {
    @Test
    void demo_onAFreshDevnet_runsEveryStepAndExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo");
        String text = out.toString();
        assertEquals(0, code, () -> "stdout:\n" + text + "\nstderr:\n" + err);
        assertTrue(text.contains("combined response: {\"greeting\":\"Hello, litj!\",\"total\":6}"), text);
        assertTrue(text.contains("logs: hello from a litj node; caller 0x"), text);
        assertTrue(text.contains("refused by every node: NodeResourceIdNotFound"), text);
        assertTrue(text.contains("wallet signatures: 2 before, 2 after"), text);
        assertTrue(text.contains("the action ran for the PKP session: proved by 0x"), text);
        assertTrue(text.contains("[9] done"), text);
    }
}
