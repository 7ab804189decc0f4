package io.litj.node.log;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the JSON log format: select it with
 * {@code -Dslf4j.provider=io.litj.node.log.JsonLogProvider} (the {@code litj} CLI does so for
 * {@code LITJ_LOG_FORMAT=json}). Lines go to standard error. Levels use the same system properties as the default
 * human format (SLF4J simple), so one setting serves both: {@code org.slf4j.simpleLogger.defaultLogLevel} (default
 * {@code info}) and {@code org.slf4j.simpleLogger.log.<logger-name prefix>} (the longest matching prefix wins).
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String LOGGER_LEVEL_PREFIX = "org.slf4j.simpleLogger.log.";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private volatile ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        PrintStream err = System.err;
        Clock clock = Clock.systemUTC();
        Map<String, Logger> made = new ConcurrentHashMap<>();
        loggers = name -> made.computeIfAbsent(name, n -> new JsonLogger(n, levelOf(n), err, clock));
    }

    /** The level of logger {@code name}: its longest configured prefix, else the default level, else info. */
    static Level levelOf(String name) {
        String n = name;
        while (true) {
            String v = System.getProperty(LOGGER_LEVEL_PREFIX + n);
            if (v != null) {
                return parse(v);
            }
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return parse(System.getProperty(LEVEL_PROPERTY, "info"));
            }
            n = n.substring(0, dot);
        }
    }

    private static Level parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "warn" -> Level.WARN;
            case "error", "off" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
