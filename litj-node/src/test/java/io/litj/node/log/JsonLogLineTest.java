package io.litj.node.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** One log event, one JSON line: fields, MDC members, escaping that keeps a hostile message on its line. */
class JsonLogLineTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00.123Z");

    private static JsonValue.JsonObject parse(String line) {
        return JsonReader.parseObject(line, LitErrorCode.NodeBadInput, "line");
    }

    private static String field(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow()).value();
    }

    @Test
    void format_withRequestIdAndNode_writesEveryField() {
        String line = JsonLogLine.format(T, "INFO", "io.litj.X", "execute lit_1 -> 200",
                Map.of("requestId", "lit_1", "node", "2", "other", "not copied"), null);

        JsonValue.JsonObject o = parse(line);
        assertEquals("2026-12-01T10:00:00.123Z", field(o, "time"));
        assertEquals("INFO", field(o, "level"));
        assertEquals("io.litj.X", field(o, "logger"));
        assertEquals("execute lit_1 -> 200", field(o, "message"));
        assertEquals("lit_1", field(o, "requestId"));
        assertEquals("2", field(o, "node"));
        assertEquals(6, o.members().size(), line);
    }

    @Test
    void format_messageWithLineBreaksAndQuotes_staysOneLineAndReadsBack() {
        String hostile = "a\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\u0000\u2028end";

        String line = JsonLogLine.format(T, "WARN", "l", hostile, null, new IllegalStateException("x\ny"));

        assertFalse(line.contains("\n") || line.contains("\r"), line);
        JsonValue.JsonObject o = parse(line);
        assertEquals(hostile, field(o, "message"));
        assertEquals("java.lang.IllegalStateException: x\ny", field(o, "error"));
        assertTrue(o.get("requestId").isEmpty());
    }

    @Test
    void levelOf_longestConfiguredPrefixWins() {
        String base = JsonLogProvider.LOGGER_LEVEL_PREFIX + "test.ops14";
        System.setProperty(base, "warn");
        System.setProperty(base + ".deep", "debug");
        try {
            assertEquals(Level.WARN, JsonLogProvider.levelOf("test.ops14.Some"));
            assertEquals(Level.DEBUG, JsonLogProvider.levelOf("test.ops14.deep.Other"));
        } finally {
            System.clearProperty(base);
            System.clearProperty(base + ".deep");
        }
    }
}
