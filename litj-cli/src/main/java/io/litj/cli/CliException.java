package io.litj.cli;

/**
 * A failure the CLI explains itself: the message (what, why, and the command to type next) is printed after
 * {@code error: } and the process exits with {@link #exitCode()} (one of {@link Exit}'s codes).
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException local(String message) {
        return new CliException(Exit.LOCAL_ERROR, message);
    }

    static CliException usage(String message) {
        return new CliException(Exit.USAGE, message);
    }

    static CliException notRunning(String message) {
        return new CliException(Exit.NOT_RUNNING, message);
    }

    static CliException refused(String message) {
        return new CliException(Exit.REFUSED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
