package io.litj.cli;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.PkpKeyPool;
import io.litj.node.LitNodeException;
import io.litj.node.fetch.FetchLimits;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
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
import java.util.Set;
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
                description = "print one JSON line {rpcUrl, blockHashUrl, nodes, networkPublicKey, capacityMode, pid} "
                        + "instead of text")
        boolean json;
        @Option(names = "--require-capacity", description = "every node requires capacity credits, counted per "
                + "window (allocation mode); without it requests are free")
        boolean requireCapacity;
        @Option(names = "--allow-fetch", paramLabel = "HOST:PORT|CIDR", description = "let Lit Actions fetch this "
                + "address (host:port, [ipv6]:port or a CIDR block) although it is loopback, private or otherwise "
                + "special-purpose; repeatable (default: public addresses only)")
        List<String> allowFetch = new ArrayList<>();
        @Option(names = "--background", description = "start in the background and return once it is up")
        boolean background;
        @Option(names = "--verbose", description = "log every request")
        boolean verbose;
        @Option(names = "--chain", defaultValue = "embedded", paramLabel = "embedded|anvil", description = "where "
                + "the registry lives: embedded (SQLite and a chain view, default) or anvil (litj's contracts on a "
                + "local EVM chain; a new chain each time, in a new --data folder)")
        String chain;
        @Option(names = "--key-pool", defaultValue = "" + PkpKeyPool.DEFAULT_TARGET, paramLabel = "N", description =
                "--chain anvil: PKP keys the nodes keep made ahead of time, so that a mint from any wallet gets one "
                + "at once (0 to " + PkpKeyPool.MAX_TARGET + ", default ${DEFAULT-VALUE}; refilled in the background)")
        int keyPool;

        @Override
        public Integer call() throws Exception {
            DevnetFolder folder = DevnetFolder.of(data);
            if (!chain.equals("embedded") && !chain.equals("anvil")) {
                throw CliException.usage("--chain must be embedded or anvil, not " + chain);
            }
            if (chain.equals("anvil") || folder.isAnvil()) {
                return upOnAnvil(folder);
            }
            if (spec.commandLine().getParseResult().hasMatchedOption("--key-pool")) {
                throw CliException.usage("--key-pool applies to --chain anvil only");
            }
            Path dataDir = folder.dir();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            // 1. validate everything, 2. check ports, 3. write (and remove what this attempt wrote if it fails)
            DevnetConfig config = validate(folder);
            Optional<DevnetState> running = folder.running();
            if (running.isPresent()) {
                throw CliException.local("a devnet is already running in " + dataDir + " (pid "
                        + running.get().pid() + ", rpcUrl " + running.get().rpcUrl() + "); stop it with `litj devnet "
                        + "down" + folder.dataArg() + "`");
            }
            List<Integer> nodePorts = folder.hasDevnet()
                    ? folder.registeredNodes().stream().map(NodeEntry::port).toList()
                    : java.util.stream.IntStream.range(0, config.nodes())
                            .mapToObj(i -> config.basePort() == 0 ? 0 : config.basePort() + i).toList();
            List<String> busy = DevnetFolder.busy(config.rpcPort(), nodePorts);
            if (!busy.isEmpty()) {
                throw CliException.local(String.join(", ", busy) + " on 127.0.0.1 "
                        + (busy.size() == 1 ? "is" : "are") + " in use (another devnet? `litj devnet status --data "
                        + "<its folder>`); " + (folder.hasDevnet() ? "the devnet in " + dataDir + " keeps the node "
                        + "ports it was created with (" + range(nodePorts) + "): free them, or use another --data "
                        + "folder" : "choose other ports with --rpc-port/--base-port") + "; nothing was written");
            }
            boolean existed = Files.isDirectory(dataDir);
            Set<String> before = folder.entries();
            if (background) {
                return Background.start(this, folder, existed, before, out, err);
            }
            Devnet devnet;
            DevnetState state;
            try {
                Files.createDirectories(dataDir);
                if (!folder.hasDevnet()) {
                    err.println("litj: creating a devnet of " + config.nodes() + " nodes in " + dataDir
                            + " (the nodes run a DKG for the network key; a few seconds)");
                    err.flush();
                }
                devnet = Devnet.start(config, Clock.systemUTC(), new SecureRandom());
            } catch (RuntimeException e) {
                folder.removeCreated(existed, before);
                throw e;
            }
            state = new DevnetState(ProcessHandle.current().pid(), devnet.rpcUrl(), devnet.blockHashUrl(),
                    devnet.nodeUrls(), devnet.networkPublicKey().map(BlsPublicKey::toHex).orElse(""),
                    config.capacity().mode().wireName());
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
                out.println("  capacityMode  " + state.capacityMode() + (requireCapacity ? " (mint credits with "
                        + "`litj capacity mint" + folder.dataArg() + "`)" : " (requests are free)"));
                for (int i = 0; i < state.nodes().size(); i++) {
                    out.println("  node " + i + "        " + state.nodes().get(i));
                }
                out.println("Ctrl-C to stop.");
            }
            out.flush();
            stopped.await();
            return 0;
        }

        private int upOnAnvil(DevnetFolder folder) throws Exception {
            if (!chain.equals("anvil")) {
                throw CliException.usage("the folder " + folder.dir() + " holds an anvil devnet; give --chain anvil "
                        + "for a new one in another --data folder");
            }
            Optional<DevnetState> running = folder.running();
            if (running.isPresent()) {
                throw CliException.local("a devnet is already running in " + folder.dir() + " (pid "
                        + running.get().pid() + "); stop it with `litj devnet down" + folder.dataArg() + "`");
            }
            if (keyPool < 0 || keyPool > PkpKeyPool.MAX_TARGET) {
                throw CliException.usage("--key-pool must be in [0, " + PkpKeyPool.MAX_TARGET + "], not " + keyPool);
            }
            DevnetConfig config = validate(folder);
            if (background) {
                return Background.start(this, folder, Files.isDirectory(folder.dir()), folder.entries(),
                        spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            return AnvilUp.run(config, keyPool, json, spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        /**
         * Checks the options against each other and against the folder: node count and port range (usage errors),
         * and on an existing devnet the node count and base port it was created with, which a restart keeps.
         */
        private DevnetConfig validate(DevnetFolder folder) {
            var parsed = spec.commandLine().getParseResult();
            int n = nodes;
            int base = basePort;
            if (folder.hasDevnet()) {
                List<NodeEntry> stored = folder.registeredNodes();
                if (stored.size() != nodes) {
                    if (parsed.hasMatchedOption("--nodes")) {
                        throw CliException.usage("the devnet in " + folder.dir() + " has " + stored.size()
                                + " nodes, not " + nodes + "; drop --nodes (or give --nodes " + stored.size()
                                + "), or use another --data folder for a new devnet of " + nodes);
                    }
                    n = stored.size();
                }
                int storedBase = stored.get(0).port();
                if (parsed.hasMatchedOption("--base-port") && basePort != storedBase) {
                    throw CliException.usage("the devnet in " + folder.dir() + " was created with --base-port "
                            + storedBase + " (nodes on " + range(stored.stream().map(NodeEntry::port).toList())
                            + ") and keeps those ports; drop --base-port to restart it, or use another --data "
                            + "folder for a devnet on --base-port " + basePort);
                }
                base = storedBase;
            }
            try {
                FetchLimits fetch = FetchLimits.defaults();
                for (String entry : allowFetch) {
                    fetch = fetch.withAllowed(entry);
                }
                return DevnetConfig.defaults(folder.dir()).withNodes(n).withPorts(rpcPort, base).withCapacity(
                        CapacityLimits.of(requireCapacity ? CapacityMode.ALLOCATION : CapacityMode.OFF))
                        .withFetch(fetch);
            } catch (LitNodeException e) {
                throw CliException.usage(e.getMessage().replace("a devnet has", "--nodes: a devnet has")
                        .replace("ports out of range", "--rpc-port/--base-port out of range (1-65535)"));
            }
        }

        List<String> childArgs() {
            List<String> args = new ArrayList<>(List.of("devnet", "up", "--rpc-port", Integer.toString(rpcPort),
                    "--json"));
            var parsed = spec.commandLine().getParseResult();
            if (parsed.hasMatchedOption("--nodes")) {
                args.addAll(List.of("--nodes", Integer.toString(nodes)));
            }
            if (parsed.hasMatchedOption("--base-port")) {
                args.addAll(List.of("--base-port", Integer.toString(basePort)));
            }
            if (data != null) {
                args.add("--data");
                args.add(data.toAbsolutePath().toString());
            }
            if (verbose) {
                args.add("--verbose");
            }
            if (requireCapacity) {
                args.add("--require-capacity");
            }
            if (chain.equals("anvil")) {
                args.addAll(List.of("--chain", "anvil", "--key-pool", Integer.toString(keyPool)));
            }
            for (String entry : allowFetch) {
                args.addAll(List.of("--allow-fetch", entry));
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
            DevnetFolder folder = DevnetFolder.of(data);
            Optional<DevnetState> state = folder.running();
            if (state.isEmpty()) {
                DevnetState.delete(folder.dir());
                throw CliException.notRunning("no devnet is running in " + folder.dir() + "; nothing to stop"
                        + (folder.hasDevnet() ? " (start it with `litj devnet up" + folder.dataArg() + "`)" : ""));
            }
            ProcessHandle process = ProcessHandle.of(state.get().pid()).orElseThrow();
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
            DevnetState.delete(folder.dir());
            spec.commandLine().getOut().println("devnet stopped (pid " + state.get().pid() + ")");
            return Exit.OK;
        }
    }

    /** {@code litj devnet status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether a devnet is running; exit 0 if every node answers, 3 if not.")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", description = "data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;
        @Option(names = "--json", description = "print one JSON object {running, data, pid, rpcUrl, nodes: [{url, "
                + "up}], capacityMode, networkPublicKey}")
        boolean json;

        @Override
        public Integer call() {
            DevnetFolder folder = DevnetFolder.of(data);
            PrintWriter out = spec.commandLine().getOut();
            DevnetState state;
            try {
                state = folder.requireRunning();
            } catch (CliException e) {
                if (json) {
                    out.println(JsJson.stringify(JsonValue.object().put("running", new JsonValue.JsonBoolean(false))
                            .put("data", folder.dir().toString()).put("message", e.getMessage()).build()));
                } else {
                    out.println(e.getMessage());
                }
                out.flush();
                return Exit.NOT_RUNNING;
            }
            boolean allUp = true;
            List<JsonValue> nodes = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
                for (String node : state.nodes()) {
                    boolean up = healthy(http, node + "/litj/health");
                    allUp &= up;
                    nodes.add(JsonValue.object().put("url", node).put("up", new JsonValue.JsonBoolean(up)).build());
                    lines.add("  " + node + "  " + (up ? "up" : "NOT ANSWERING"));
                }
            }
            if (json) {
                JsonValue.ObjectBuilder b = JsonValue.object().put("running", new JsonValue.JsonBoolean(allUp))
                        .put("data", folder.dir().toString()).put("pid", new JsonValue.JsonNumber(state.pid()))
                        .put("rpcUrl", state.rpcUrl()).put("nodes", new JsonValue.JsonArray(nodes))
                        .put("capacityMode", state.capacityMode());
                if (!state.networkPublicKey().isEmpty()) {
                    b.put("networkPublicKey", state.networkPublicKey());
                }
                out.println(JsJson.stringify(b.build()));
            } else {
                out.println("devnet running in " + folder.dir() + " (pid " + state.pid() + "), rpcUrl "
                        + state.rpcUrl() + ", capacity " + state.capacityMode());
                lines.forEach(out::println);
                if (!allUp) {
                    out.println("some nodes do not answer; restart with `litj devnet down" + folder.dataArg()
                            + "` then `litj devnet up" + folder.dataArg() + " --background`");
                }
            }
            out.flush();
            return allUp ? Exit.OK : Exit.NOT_RUNNING;
        }
    }

    /** {@code 7470..7472}, or one port. */
    static String range(List<Integer> ports) {
        return ports.size() == 1 ? ports.get(0).toString() : ports.get(0) + ".." + ports.get(ports.size() - 1);
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
