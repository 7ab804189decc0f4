package io.litj.cli;

/**
 * The exit codes of {@code litj}, documented in the README's "Exit codes" section: 0 ok, 1 local error (a file that
 * cannot be read, a busy port, a failed build), 2 usage (a wrong or missing option or argument), 3 a devnet or
 * network that is not running or cannot be reached, 4 refused by the network (the node error code is printed).
 */
final class Exit {
    static final int OK = 0;
    static final int LOCAL_ERROR = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;
    static final int REFUSED = 4;

    private Exit() {
    }
}
