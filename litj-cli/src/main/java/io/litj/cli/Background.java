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

/** Starts {@code litj devnet up} as a detached child JVM and waits (bounded) until it publishes its state. */
final class Background {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private Background() {
    }

    static int start(DevnetCommand.Up up, Path dataDir, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Optional<DevnetState> running = DevnetState.read(dataDir)
                .filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
        if (running.isPresent()) {
            err.println("a devnet is already running in " + dataDir + " (pid " + running.get().pid() + ")");
            return 1;
        }
        DevnetState.delete(dataDir);
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
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<DevnetState> state = DevnetState.read(dataDir).filter(s -> s.pid() == child.pid());
            if (state.isPresent()) {
                out.println(up.json ? state.get().toJson() : "devnet up in the background (pid " + child.pid()
                        + "), rpcUrl " + state.get().rpcUrl() + ", nodes " + state.get().nodes()
                        + "; `litj devnet down` stops it, log in " + log);
                return 0;
            }
            if (!child.isAlive()) {
                err.println("the devnet exited with code " + child.exitValue() + "; see " + log + ":");
                Files.readAllLines(log).stream().skip(Math.max(0, Files.readAllLines(log).size() - 20))
                        .forEach(err::println);
                return 1;
            }
            Thread.sleep(200);
        }
        child.destroy();
        err.println("the devnet did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log);
        return 1;
    }
}
