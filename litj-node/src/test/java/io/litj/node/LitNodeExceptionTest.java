package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.litj.node.actions.ActionException;
import io.litj.protocol.LitErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LitNodeException#refusedBy}: a refusal named after its check, nothing else changed. */
class LitNodeExceptionTest {
    @Test
    void refusedBy_keepsCodeAndMessage_putsTheCheckFirstInDetails_andTheOriginalAsCause() {
        LitNodeException original = new LitNodeException(LitErrorCode.NodeBadInput, "field x is missing",
                List.of("earlier detail"), null);

        LitNodeException named = original.refusedBy("ShapeCheck");

        assertEquals(LitErrorCode.NodeBadInput, named.code());
        assertEquals("field x is missing", named.getMessage());
        assertEquals(List.of("ShapeCheck: field x is missing", "earlier detail"), named.details());
        assertSame(original, named.getCause());
    }

    @Test
    void refusedBy_ofAnActionException_staysAnActionExceptionWithItsLogs() {
        ActionException original = new ActionException(LitErrorCode.NodeJsExecutionError, "Error: no", "line 1\n");

        ActionException named = original.refusedBy("LitActionCheck");

        assertEquals(LitErrorCode.NodeJsExecutionError, named.code());
        assertEquals("line 1\n", named.logs());
        assertEquals(List.of("LitActionCheck: Error: no"), named.details());
        assertSame(original, named.getCause());
    }
}
