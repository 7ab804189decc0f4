package io.litj.node.testing;

import io.litj.node.ChainConfig;
import io.litj.node.LitNode;
import io.litj.node.NodeConfig;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.AdminToken;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.Block;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsPublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * N {@link LitNode}s on free ports of 127.0.0.1 for the tests of one class, without a devnet: they read one
 * {@link InMemoryRegistry} (the network facts, the nodes, a genesis block), share one Lit Action runtime with short
 * limits, and hold a network BLS key made at start by a {@code network-bls} DKG among themselves through their admin
 * API (the admin token lies in {@code dir/admin.token}; node {@code i}'s keys in {@code dir/node-i}). Start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}: closing stops every node and the runtime, then the registry.
 */
public final class NodeNetwork implements AutoCloseable {
    /** Actions stop after 800 ms or 2,000,000 statements; responses over 1 KiB fail. */
    public static final ActionLimits QUICK_LIMITS = ActionLimits.defaults().withTimeout(Duration.ofMillis(800))
            .withMaxStatements(2_000_000).withMaxResponseBytes(1024);
    /** How long a DKG may take before {@link #dkg} gives up on a node. */
    public static final long DKG_WAIT_MS = 30_000;

    private final Path dir;
    private final Clock clock;
    private final InMemoryRegistry registry;
    private final ActionRuntime runtime;
    private final LitNode[] nodes;
    private final AdminToken token;
    private final NodeHttp http = new NodeHttp();
    private final ChainConfig chains;
    private BlsPublicKey networkKey;

    private NodeNetwork(Path dir, int n, Clock clock, ActionLimits limits, ChainConfig chains) {
        this.dir = dir;
        this.chains = chains;
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NodeIdentity identity = NodeIdentity.loadOrCreate(nodeDir(i), random);
            entries.add(new NodeEntry(i, "127.0.0.1", freePort(), identity.wallet().address().toChecksumString(),
                    identity.identityPublicKey()));
        }
        this.registry = new InMemoryRegistry(new NetworkInfo(31337, 1, NetworkInfo.thresholdFor(n),
                "0xD4507CD392Af2c80919219d7896508728f6A623F", clock.instant(), 86_400), entries);
        registry.appendBlock(new Block(0, "0x" + Hex.encode(Hashes.keccak256(dir.toString()
                .getBytes(StandardCharsets.UTF_8))), clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        this.token = AdminToken.loadOrCreate(AdminToken.fileFor(registryFile()), random);
        this.runtime = new ActionRuntime(limits);
        this.nodes = new LitNode[n];
    }

    /** Starts {@code n} nodes with data in {@code dir}, judging time by {@code clock}, and runs the network DKG. */
    public static NodeNetwork start(Path dir, int n, Clock clock) {
        return start(dir, n, clock, QUICK_LIMITS);
    }

    /** As {@link #start(Path, int, Clock)}, the nodes running Lit Actions under {@code limits}. */
    public static NodeNetwork start(Path dir, int n, Clock clock, ActionLimits limits) {
        return start(dir, n, clock, limits, ChainConfig.none());
    }

    /** As {@link #start(Path, int, Clock, ActionLimits)}, the nodes evaluating conditions against {@code chains}. */
    public static NodeNetwork start(Path dir, int n, Clock clock, ActionLimits limits, ChainConfig chains) {
        NodeNetwork net = startWithoutNetworkKey(dir, n, clock, limits, chains);
        try {
            net.makeNetworkKey();
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** Starts {@code n} nodes as {@link #start(Path, int, Clock, ActionLimits)} does, but runs no DKG yet. */
    public static NodeNetwork startWithoutNetworkKey(Path dir, int n, Clock clock, ActionLimits limits,
            ChainConfig chains) {
        NodeNetwork net = new NodeNetwork(dir, n, clock, limits, chains);
        try {
            for (int i = 0; i < n; i++) {
                net.startNode(i);
            }
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** Runs the network DKG on every node (once): afterwards each holds its share of the network key. */
    public void makeNetworkKey() {
        List<JsonValue.JsonObject> statuses = dkg("network-bls-" + System.nanoTime(), "network-bls",
                registry.network().threshold());
        Set<String> keys = new TreeSet<>();
        statuses.forEach(s -> keys.add(string(s, "publicKey")));
        if (keys.size() != 1 || !statuses.stream().allMatch(s -> "done".equals(string(s, "state")))) {
            throw new IllegalStateException("the network DKG did not agree: " + statuses);
        }
        networkKey = BlsPublicKey.parse(keys.iterator().next());
    }

    /** Starts node {@code index} (again) on its registry entry, with the default body limit. */
    public synchronized void startNode(int index) {
        if (nodes[index] == null) {
            nodes[index] = LitNode.builder(nodeConfig(index, NodeConfig.DEFAULT_MAX_BODY_BYTES)).registry(registry)
                    .clock(clock).actionRuntime(runtime).start();
        }
    }

    /** Node {@code index}, if it runs. */
    public synchronized java.util.Optional<LitNode> node(int index) {
        return java.util.Optional.ofNullable(nodes[index]);
    }

    /** Stops node {@code index}; the others keep running. */
    public synchronized void stopNode(int index) {
        if (nodes[index] != null) {
            nodes[index].close();
            nodes[index] = null;
        }
    }

    /**
     * Runs one DKG on every node through the admin API: starts session {@code session} of {@code purpose} with
     * threshold {@code t} on each node, then asks each for its status, waiting until its run is over (at most
     * {@link #DKG_WAIT_MS}). Returns the statuses by node index.
     */
    public List<JsonValue.JsonObject> dkg(String session, String purpose, int t) {
        String start = "{\"session\":\"" + session + "\",\"purpose\":\"" + purpose + "\",\"threshold\":" + t
                + ",\"roundTimeoutMs\":5000}";
        for (String url : urls()) {
            NodeHttp.Reply r = http.post(url + "/litj/admin/v1/dkg", start, "Authorization", bearer());
            if (r.status() != 200) {
                throw new IllegalStateException("DKG start refused by " + url + ": " + r);
            }
        }
        List<JsonValue.JsonObject> out = new ArrayList<>();
        for (String url : urls()) {
            NodeHttp.Reply r = http.send(http.request(url + "/litj/admin/v1/dkg/status", "Authorization", bearer())
                    .timeout(Duration.ofMillis(DKG_WAIT_MS + 5_000)).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"session\":\"" + session + "\",\"waitMs\":" + DKG_WAIT_MS + "}")).build());
            if (r.status() != 200) {
                throw new IllegalStateException("DKG status refused by " + url + ": " + r);
            }
            out.add(r.json());
        }
        return out;
    }

    /** The registry every node reads. */
    public InMemoryRegistry registry() {
        return registry;
    }

    /** The key the network DKG made at start. */
    public BlsPublicKey networkPublicKey() {
        return networkKey;
    }

    public NodeHttp http() {
        return http;
    }

    /** The node URLs by index. */
    public List<String> urls() {
        return registry.nodes().stream().map(NodeEntry::url).toList();
    }

    /** Node {@code index}'s URL. */
    public String url(int index) {
        return urls().get(index);
    }

    /** Node {@code index}'s data folder. */
    public Path nodeDir(int index) {
        return dir.resolve("node-" + index);
    }

    /**
     * Node {@code index}'s config with body limit {@code maxBodyBytes}. Its registry file does not exist (the nodes
     * read {@link #registry()}); it only places the admin token, next to it.
     */
    public NodeConfig nodeConfig(int index, long maxBodyBytes) {
        return new NodeConfig(registryFile(), index, nodeDir(index), maxBodyBytes).withChains(chains);
    }

    /** {@code Authorization} value of the network's admin token. */
    public String bearer() {
        return "Bearer " + token.exportSecret();
    }

    private Path registryFile() {
        return dir.resolve("registry.sqlite");
    }

    private static String string(JsonValue.JsonObject o, String name) {
        return o.get(name).filter(v -> v instanceof JsonValue.JsonString).map(v -> ((JsonValue.JsonString) v).value())
                .orElse("");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            http.close();
            for (int i = 0; i < nodes.length; i++) {
                stopNode(i);
            }
            runtime.close();
        } finally {
            registry.close();
        }
    }
}
