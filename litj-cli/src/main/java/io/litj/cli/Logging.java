package io.litj.cli;

import io.litj.node.log.JsonJulFormatter;
import io.litj.node.log.JsonLogProvider;
import io.litj.protocol.Text;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sets up SLF4J simple logging for the CLI before any logger exists: warnings only by default, {@code info} with
 * {@code --verbose} (or {@code LITJ_LOG=info|debug}); logs go to stderr so stdout stays machine-readable, and
 * Helidon's java.util.logging lines use the same one-line layout ({@code HH:mm:ss.SSS [thread] LEVEL logger - msg}).
 * With {@code LITJ_LOG_FORMAT=json} every line, Helidon's too, is one JSON object instead
 * ({@link JsonLogProvider}; {@code docs/operations.md}); {@code text} (the default) keeps the human form.
 */
final class Logging {
    private Logging() {
    }

    /** The environment variable that picks the log format: {@code text} (default) or {@code json}. */
    static final String FORMAT_ENV = "LITJ_LOG_FORMAT";

    static void configure(String[] args) {
        configure(args, System.getenv(FORMAT_ENV));
    }

    /** As {@link #configure(String[])} with the format given ({@code null}: text). */
    static void configure(String[] args, String format) {
        boolean json = isJson(format);
        if (json) {
            setIfAbsent("slf4j.provider", JsonLogProvider.class.getName());
            // SLF4J's own note that it loads the provider named above is not a JSON line: warnings only
            setIfAbsent("slf4j.internal.verbosity", "WARN");
        }
        String level = System.getenv().getOrDefault("LITJ_LOG", "warn");
        if (Arrays.asList(args).contains("--verbose")) {
            level = "info";
        }
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.log.io.helidon", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.com.oracle", "warn");
        // Helidon logs through java.util.logging: one line in SLF4J simple's layout, not JUL's default two lines
        setIfAbsent("java.util.logging.SimpleFormatter.format", "%1$tH:%1$tM:%1$tS.%1$tL [jul] %4$s %3$s - %5$s%6$s%n");
        if (json) {
            for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
                h.setFormatter(new JsonJulFormatter());
            }
        }
        // Helidon logs through java.util.logging; keep it to warnings unless asked
        java.util.logging.Level julLevel = level.equals("warn") ? java.util.logging.Level.WARNING
                : java.util.logging.Level.INFO;
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(julLevel);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(julLevel);
        }
    }

    /**
     * True for {@code json}, false for {@code text} or none.
     *
     * @throws IllegalArgumentException for any other value, naming the variable and the two accepted values
     */
    static boolean isJson(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new IllegalArgumentException(FORMAT_ENV + " must be json or text, not '"
                    + Text.cut(format) + "'");
        };
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
