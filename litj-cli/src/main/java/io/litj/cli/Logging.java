package io.litj.cli;

import java.util.Arrays;

/**
 * Sets up SLF4J simple logging for the CLI before any logger exists: warnings only by default, {@code info} with
 * {@code --verbose} (or {@code LITJ_LOG=info|debug}); logs go to stderr so stdout stays machine-readable.
 */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args) {
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
        // Helidon logs through java.util.logging; keep it to warnings unless asked
        java.util.logging.Level julLevel = level.equals("warn") ? java.util.logging.Level.WARNING
                : java.util.logging.Level.INFO;
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(julLevel);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(julLevel);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
