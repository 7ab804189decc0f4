package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionRequestTest {
    @Test
    void toString_showsSizesNeverContent() {
        ActionRequest r = new ActionRequest("const secret = 'hunter2';", SharedRuntime.json("{\"key\":\"s3cr3t\"}"),
                JsonValue.JsonObject.empty(), Map.of("authorization", "Bearer tok3n"));
        String text = r.toString();
        assertEquals("ActionRequest[code=25 chars, jsParams=1 members, authContext=0 members, headers=1, "
                + "caller=anonymous]", text);
        for (String secret : new String[] {"hunter2", "s3cr3t", "tok3n"}) {
            assertFalse(text.contains(secret), secret);
        }
        assertFalse(new ActionResult("s3cr3t", "hunter2", true).toString().contains("s3cr3t"));
    }

    @Test
    void new_headers_copied() {
        Map<String, String> headers = new HashMap<>(Map.of("a", "1"));
        ActionRequest r = new ActionRequest("1", JsonValue.JsonObject.empty(), JsonValue.JsonObject.empty(), headers);
        headers.put("b", "2");
        assertEquals(Map.of("a", "1"), r.headers());
    }

    @Test
    void new_nullComponent_refused() {
        JsonValue.JsonObject empty = JsonValue.JsonObject.empty();
        assertThrows(NullPointerException.class, () -> new ActionRequest(null, empty, empty, Map.of()));
        assertThrows(NullPointerException.class, () -> new ActionRequest("1", null, empty, Map.of()));
        assertThrows(NullPointerException.class, () -> new ActionRequest("1", empty, null, Map.of()));
        assertThrows(NullPointerException.class, () -> new ActionRequest("1", empty, empty, null));
        assertThrows(NullPointerException.class, () -> new ActionResult(null, "", true));
        assertThrows(NullPointerException.class, () -> new ActionRequest("1", empty, empty, Map.of(), null));
    }

    @Test
    void caller_anonymousUnlessGiven_blankRefused() {
        ActionRequest r = ActionRequest.of("1");
        assertEquals(ActionRequest.ANONYMOUS, r.caller());
        assertEquals("0xAbc", r.withCaller("0xAbc").caller());
        assertEquals(r.code(), r.withCaller("0xAbc").code());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.withCaller(" "));
        assertEquals("caller must not be blank", e.getMessage());
    }
}
