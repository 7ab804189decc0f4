package io.litj.cli;

import java.util.Arrays;

/**
 * Sets up SLF4J simple logging for the CLI before any logger exists: warnings only by default, {@code info} with
 * {@code --verbose} (or {@code LITJ_LOG=info|debug}); logs go to stderr so stdout stays machine-readable, and
 * Helidon's java.util.logging lines use the same one-line layout ({@code HH:mm:ss.SSS [thread] LEVEL logger - msg}).
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
        // Helidon logs through java.util.logging: one line in SLF4J simple's layout, not JUL's default two lines
        setIfAbsent("java.util.logging.SimpleFormatter.format", "%1$tH:%1$tM:%1$tS.%1$tL [jul] %4$s %3$s - %5$s%6$s%n");
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
