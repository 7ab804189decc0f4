package io.litj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts {@code litj devnet up} as a detached child JVM and waits (bounded) until it publishes its state. The child
 * writes a fresh {@code devnet.log} (one log per start); if it fails, what this attempt created is removed.
 */
final class Background {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private Background() {
    }

    static int start(DevnetCommand.Up up, DevnetFolder folder, boolean existed, Set<String> before, PrintWriter out,
                     PrintWriter err) throws IOException, InterruptedException {
        Path dataDir = folder.dir();
        DevnetState.delete(dataDir);
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(up.childArgs());
        Path log = dataDir.resolve("devnet.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!folder.hasDevnet()) {
            err.println("litj: creating a devnet in " + dataDir + " (the nodes run a DKG for the network key; a few "
                    + "seconds)");
            err.flush();
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<DevnetState> state = DevnetState.read(dataDir).filter(s -> s.pid() == child.pid());
            if (state.isPresent()) {
                out.println(up.json ? state.get().toJson() : "devnet up in the background (pid " + child.pid()
                        + "), rpcUrl " + state.get().rpcUrl() + ", nodes " + state.get().nodes()
                        + "; `litj devnet down" + folder.dataArg() + "` stops it, log in " + log);
                out.flush();
                return Exit.OK;
            }
            if (!child.isAlive()) {
                List<String> lines = Files.readAllLines(log);
                err.println("the devnet exited with code " + child.exitValue() + "; its log:");
                lines.stream().skip(Math.max(0, lines.size() - 20)).forEach(l -> err.println("  " + l));
                err.flush();
                folder.removeCreated(existed, before);
                return child.exitValue() == 0 ? Exit.LOCAL_ERROR : child.exitValue();
            }
            Thread.sleep(200);
        }
        child.destroy();
        if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        err.println("the devnet did not start within " + START_TIMEOUT.toSeconds() + " s; its log:");
        lines.stream().skip(Math.max(0, lines.size() - 20)).forEach(l -> err.println("  " + l));
        err.flush();
        folder.removeCreated(existed, before);
        return Exit.LOCAL_ERROR;
    }
}
