package io.litj.node.log;

import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that writes {@link JsonLogLine}s at or above its level to one stream (standard error by default),
 * each line in one {@code println} under the stream's lock, so lines of concurrent requests never interleave.
 */
final class JsonLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient PrintStream out;
    private final transient Clock clock;
    private final int threshold;

    JsonLogger(String name, Level threshold, PrintStream out, Clock clock) {
        this.name = name;
        this.threshold = threshold.toInt();
        this.out = out;
        this.clock = clock;
    }

    private boolean on(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return on(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return on(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return on(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return on(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return on(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        out.println(JsonLogLine.format(clock.instant(), level.name(), name, message, MDC.getCopyOfContextMap(),
                throwable));
    }
}
