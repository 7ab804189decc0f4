package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj devnet up --chain} and {@code --key-pool}: the values they take, and what anvil mode refuses, before
 * anything is written.
 */
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

    @Test
    void aKeyPoolOutOfRange_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--chain", "anvil", "--key-pool", "65", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--key-pool must be in [0, 64], not 65"), run.both());
        assertFalse(Files.exists(data));
    }

    @Test
    void aKeyPoolOnTheEmbeddedChain_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--key-pool", "2", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--key-pool applies to --chain anvil only"), run.both());
        assertFalse(Files.exists(data));
    }
}
