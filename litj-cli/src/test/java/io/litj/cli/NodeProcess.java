package io.litj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code litj node --config <file>} OS process for a test: its output in a log file beside the config, started
 * and waited for ("listening") with a bounded deadline; {@link #close()} stops it with SIGTERM (forcibly if it does
 * not stop within 20 s).
 */
final class NodeProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the node of {@code config} and waits until it prints that it listens. */
    static NodeProcess start(Path config) throws IOException, InterruptedException {
        Path log = config.resolveSibling("node-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(javaCommand("node", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeProcess node = new NodeProcess(p, log);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!node.output().contains(" listening on ")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                node.close();
                throw new AssertionError("node of " + config + " did not start:\n" + node.output());
            }
            Thread.sleep(100);
        }
        return node;
    }

    /** What the process printed so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
