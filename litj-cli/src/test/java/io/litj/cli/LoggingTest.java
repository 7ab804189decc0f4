package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Issue 15, "one log format": Helidon's java.util.logging lines look like litj's SLF4J lines, one line each. */
class LoggingTest {
    @Test
    void configure_julRecords_printOneLineInTheSlf4jLayout() {
        Logging.configure(new String[0]);
        LogRecord record = new LogRecord(Level.INFO, "bound for socket");
        record.setLoggerName("io.helidon.webserver.ServerListener");

        String line = new SimpleFormatter().format(record);

        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[jul] INFO io\\.helidon\\.webserver\\.ServerListener"
                + " - bound for socket\\R"), line);
    }

    @Test
    void isJson_acceptsJsonAndText_refusesOthersNamingTheVariable() {
        assertTrue(Logging.isJson("json"));
        assertTrue(Logging.isJson(" JSON "));
        assertFalse(Logging.isJson("text"));
        assertFalse(Logging.isJson(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Logging.isJson("yaml"));
        assertEquals("LITJ_LOG_FORMAT must be json or text, not 'yaml'", e.getMessage());
    }
}
