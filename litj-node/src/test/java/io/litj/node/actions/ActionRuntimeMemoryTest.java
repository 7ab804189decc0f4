package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight actions allocating at once in a JVM with a 512 MiB heap ({@link MemoryStormMain}, run as a child process so
 * that the test JVM's own heap is never at risk): each ends with {@code NodeJsMemoryLimitError}, no
 * {@link OutOfMemoryError} reaches another thread, the small actions run meanwhile all succeed, and the runtime
 * serves afterwards.
 */
class ActionRuntimeMemoryTest {
    @TempDir
    Path dir;

    @Test
    void run_eightConcurrentAllocators_eachStoppedWithMemoryLimitAndNothingElseFails() throws Exception {
        List<String> lines = runChild();

        for (int i = 0; i < 8; i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith("allocator " + i + ": NodeJsMemoryLimitError Lit Action "), line);
        }
        assertTrue(lines.get(8).matches("healthy: ok=\\d+ failed=\\[]"), lines.get(8) + tail(dir.resolve("storm.err")));
        assertEquals("java-thread failures: []", lines.get(9));
        assertEquals("uncaught: []", lines.get(10));
        assertEquals("after: ok", lines.get(11));
    }

    private List<String> runChild() throws IOException, InterruptedException {
        Path out = dir.resolve("storm.out");
        Path err = dir.resolve("storm.err");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                MemoryStormMain.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(MemoryStormMain.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            fail("the storm did not end within " + MemoryStormMain.HANG_GUARD.toSeconds() + " s; output: "
                    + Files.readString(out) + tail(err));
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(0, child.exitValue(), () -> "exit code; output " + lines + tail(err));
        assertEquals(12, lines.size(), () -> "output " + lines + tail(err));
        return lines;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return "; stderr tail: " + text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "; no stderr: " + e;
        }
    }
}
