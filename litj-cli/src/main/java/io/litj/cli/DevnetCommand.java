package io.litj.cli;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.threshold.bls.BlsPublicKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litj devnet up|down|status}: a Lit network on this machine. */
@Command(name = "devnet", mixinStandardHelpOptions = true, description = "Run a Lit network on this machine.",
        subcommands = {DevnetCommand.Up.class, DevnetCommand.Down.class, DevnetCommand.Status.class})
final class DevnetCommand {

    /** {@code litj devnet up}. */
    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start N nodes, the chain view and the block source; runs until Ctrl-C.")
    static final class Up implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
        int nodes;
        @Option(names = "--data", description = "data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;
        @Option(names = "--rpc-port", defaultValue = "8545", description = "chain view port (default ${DEFAULT-VALUE})")
        int rpcPort;
        @Option(names = "--base-port", defaultValue = "7470",
                description = "port of node 0; node i uses base+i (default ${DEFAULT-VALUE})")
        int basePort;
        @Option(names = "--json",
                description = "print one JSON line {rpcUrl, blockHashUrl, nodes, networkPublicKey} instead of text")
        boolean json;
        @Option(names = "--background", description = "start in the background and return once it is up")
        boolean background;
        @Option(names = "--verbose", description = "log every request")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            Path dataDir = data != null ? data : LitjHome.devnet();
            Files.createDirectories(dataDir);
            PrintWriter out = spec.commandLine().getOut();
            if (background) {
                return Background.start(this, dataDir, out, spec.commandLine().getErr());
            }
            DevnetConfig config = DevnetConfig.defaults(dataDir).withNodes(nodes).withPorts(rpcPort, basePort);
            Devnet devnet = Devnet.start(config, Clock.systemUTC(), new SecureRandom());
            DevnetState state = new DevnetState(ProcessHandle.current().pid(), devnet.rpcUrl(), devnet.blockHashUrl(),
                    devnet.nodeUrls(), devnet.networkPublicKey().map(BlsPublicKey::toHex).orElse(""));
            state.write(dataDir);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                devnet.close();
                DevnetState.delete(dataDir);
                stopped.countDown();
            }, "litj-devnet-shutdown"));
            if (json) {
                out.println(state.toJson());
            } else {
                out.println("litj devnet: " + state.nodes().size() + " nodes (threshold "
                        + devnet.registry().network().threshold() + "), data in " + dataDir);
                out.println("  rpcUrl        " + state.rpcUrl());
                out.println("  blockHashUrl  " + state.blockHashUrl());
                out.println("  networkPublicKey " + (state.networkPublicKey().isEmpty() ? "(none)"
                        : state.networkPublicKey()));
                for (int i = 0; i < state.nodes().size(); i++) {
                    out.println("  node " + i + "        " + state.nodes().get(i));
                }
                out.println("Ctrl-C to stop.");
            }
            out.flush();
            stopped.await();
            return 0;
        }

        List<String> childArgs() {
            List<String> args = new ArrayList<>(List.of("devnet", "up", "--nodes", Integer.toString(nodes),
                    "--rpc-port", Integer.toString(rpcPort), "--base-port", Integer.toString(basePort), "--json"));
            if (data != null) {
                args.add("--data");
                args.add(data.toAbsolutePath().toString());
            }
            if (verbose) {
                args.add("--verbose");
            }
            return args;
        }
    }

    /** {@code litj devnet down}. */
    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop a devnet started in the background.")
    static final class Down implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", description = "data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;

        @Override
        public Integer call() throws Exception {
            Path dataDir = data != null ? data : LitjHome.devnet();
            Optional<DevnetState> state = DevnetState.read(dataDir);
            Optional<ProcessHandle> process = state.flatMap(s -> ProcessHandle.of(s.pid()));
            if (process.isEmpty() || !process.get().isAlive()) {
                DevnetState.delete(dataDir);
                spec.commandLine().getOut().println("no devnet is running in " + dataDir);
                return 0;
            }
            process.get().destroy();
            try {
                process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                process.get().destroyForcibly();
            }
            DevnetState.delete(dataDir);
            spec.commandLine().getOut().println("devnet stopped (pid " + state.get().pid() + ")");
            return 0;
        }
    }

    /** {@code litj devnet status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether a devnet is running.")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", description = "data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;

        @Override
        public Integer call() {
            Path dataDir = data != null ? data : LitjHome.devnet();
            PrintWriter out = spec.commandLine().getOut();
            Optional<DevnetState> state = DevnetState.read(dataDir);
            if (state.isEmpty() || ProcessHandle.of(state.get().pid()).map(p -> !p.isAlive()).orElse(true)) {
                out.println("no devnet is running in " + dataDir);
                return 3;
            }
            out.println("devnet running (pid " + state.get().pid() + "), rpcUrl " + state.get().rpcUrl());
            boolean allUp = true;
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
                for (String node : state.get().nodes()) {
                    boolean up = healthy(http, node + "/litj/health");
                    allUp &= up;
                    out.println("  " + node + "  " + (up ? "up" : "NOT ANSWERING"));
                }
            }
            return allUp ? 0 : 1;
        }
    }

    static boolean healthy(HttpClient http, String url) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
