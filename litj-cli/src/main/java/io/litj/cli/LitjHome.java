package io.litj.cli;

import java.nio.file.Path;

/** Where litj keeps its files: {@code $LITJ_HOME}, else {@code ~/.litj}. */
final class LitjHome {
    private LitjHome() {
    }

    static Path dir() {
        String env = System.getenv("LITJ_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".litj");
    }

    /** The default devnet data folder. */
    static Path devnet() {
        return dir().resolve("devnet");
    }
}
