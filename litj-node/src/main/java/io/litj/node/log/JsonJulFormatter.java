package io.litj.node.log;

import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.MDC;

/**
 * Formats {@code java.util.logging} records (Helidon's) as {@link JsonLogLine}s, levels named as SLF4J names them
 * (SEVERE: ERROR, WARNING: WARN, INFO and CONFIG: INFO, finer: DEBUG), so a JSON-format process writes JSON only.
 */
public final class JsonJulFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return JsonLogLine.format(record.getInstant(), level(record.getLevel()), String.valueOf(record.getLoggerName()),
                formatMessage(record), mdc, record.getThrown()) + System.lineSeparator();
    }

    private static String level(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return v >= Level.CONFIG.intValue() ? "INFO" : "DEBUG";
    }
}
