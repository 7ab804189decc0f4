package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litj devnet up --chain}: the values it takes, and what anvil mode refuses, before anything is written. */
class DevnetChainOptionTest {
    @TempDir
    Path temp;

    @Test
    void anUnknownChain_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--chain", "ganache", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--chain must be embedded or anvil, not ganache"), run.both());
        assertFalse(Files.exists(data));
    }

    @Test
    void anvilInTheBackground_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--chain", "anvil", "--background", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--chain anvil runs in the foreground"), run.both());
        assertFalse(Files.exists(data));
    }
}
