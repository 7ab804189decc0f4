package io.litj.devnet;

import io.litj.devnet.chain.BlockProducer;
import io.litj.devnet.chain.ChainView;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.ChainConfig;
import io.litj.node.LitNode;
import io.litj.node.LitNodeException;
import io.litj.node.NodeConfig;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.AdminToken;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.threshold.bls.BlsPublicKey;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lit network on one machine: N nodes on 127.0.0.1, the chain view (Ethereum JSON-RPC answering what Lit
 * clients read at connect, and the block-hash endpoint), a block producer, and the SQLite registry they share —
 * all in this process. A new network also gets an admin token ({@code admin.token}, next to the registry) and, once
 * its nodes are up, a network BLS key made by a DKG among them (each node keeps only its share; see
 * {@code docs/dkg.md}). A data folder that already holds a devnet is started again with its keys, shares and
 * registry, without a new DKG. {@link #close()} stops everything.
 *
 * <p>The devnet owns its registry file: it opens one {@link SqliteRegistryWriter} (blocks, minted PKPs) and one
 * {@link SqliteRegistry} reader that every node and the chain view are given, and closes both after they stopped.
 */
public final class Devnet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);
    /** The chain id the chain view reports (Hardhat's local chain id). */
    public static final long CHAIN_ID = 31337;
    /** The Staking contract address the JS SDK uses for {@code custom} networks (datil-dev). */
    public static final String STAKING_ADDRESS = "0xD4507CD392Af2c80919219d7896508728f6A623F";
    /** How long the network key DKG of a new devnet may take. */
    public static final Duration NETWORK_DKG_TIMEOUT = Duration.ofSeconds(60);

    private final DevnetConfig config;
    private final SqliteRegistryWriter writer;
    private final SqliteRegistry registry;
    private final BlockProducer blocks;
    private final ChainView chain;
    private final int rpcPort;
    private final ActionRuntime runtime;
    private final LitNode[] nodes;
    private final Clock clock;
    private final SecureRandom random;
    private final AdminToken adminToken;
    private volatile BlsPublicKey networkKey;

    private Devnet(DevnetConfig config, Clock clock, SecureRandom random) {
        this.config = config;
        this.clock = clock;
        this.random = random;
        boolean created = !Files.exists(config.registryFile());
        if (created) { // ports first: a busy port must leave no registry or keys behind
            if (config.rpcPort() != 0) {
                Ports.requireFree(config.rpcPort(), "chain view");
            }
            for (int i = 0; config.basePort() != 0 && i < config.nodes(); i++) {
                Ports.requireFree(config.basePort() + i, "node " + i);
            }
        }
        this.writer = openOrCreate(config, clock, random);
        List<AutoCloseable> started = new ArrayList<>();
        started.add(writer);
        try {
            this.registry = SqliteRegistry.open(config.registryFile());
            started.add(registry);
            requireNodeCount(registry, config);
            this.adminToken = AdminToken.loadOrCreate(AdminToken.fileFor(config.registryFile()), random);
            List<NodeEntry> entries = registry.nodes();
            if (config.rpcPort() != 0) {
                Ports.requireFree(config.rpcPort(), "chain view");
            }
            for (NodeEntry e : entries) {
                Ports.requireFree(e.port(), "node " + e.index());
            }
            this.blocks = BlockProducer.builder(writer).clock(clock).random(random)
                    .interval(config.blockInterval()).build().start();
            started.add(blocks);
            this.runtime = new ActionRuntime(config.actionLimits());
            started.add(runtime);
            // chosen now (nodes evaluate conditions against it) but bound after the nodes, and never a node's port
            this.rpcPort = config.rpcPort() != 0 ? config.rpcPort() : rpcPortOutside(entries);
            this.nodes = new LitNode[entries.size()];
            for (NodeEntry e : entries) {
                nodes[e.index()] = startNode(e.index(), random);
                started.add(nodes[e.index()]);
            }
            this.chain = ChainView.builder(registry).port(rpcPort).clock(clock).start();
            started.add(chain);
            this.networkKey = created || noNodeHoldsANetworkKey() ? runNetworkDkg() : storedNetworkKey().orElse(null);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
        LOG.info("devnet of {} nodes up: rpc {}, network key {}", nodes.length, chain.url(),
                networkKey == null ? "none" : networkKey.toHex());
    }

    /** A free port for the chain view that no node of the registry uses. */
    private static int rpcPortOutside(List<NodeEntry> entries) {
        for (int attempt = 0; attempt < 16; attempt++) {
            int port = Ports.free();
            if (entries.stream().noneMatch(e -> e.port() == port)) {
                return port;
            }
        }
        throw new LitNodeException(LitErrorCode.InvalidArgument, "no free port for the chain view outside the"
                + " nodes' ports");
    }

    private static void requireNodeCount(SqliteRegistry registry, DevnetConfig config) {
        int n = registry.nodes().size();
        if (n != config.nodes()) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "the devnet in " + config.dataDir() + " has " + n
                    + " nodes, not " + config.nodes() + "; use --nodes " + n + " or another --data folder");
        }
    }

    private boolean noNodeHoldsANetworkKey() {
        for (int i = 0; i < config.nodes(); i++) {
            if (Files.exists(config.nodeDir(i).resolve(KeyShareStore.KEYS_DIR).resolve(KeyShareStore.ROOT_FILE))) {
                return false;
            }
        }
        return true;
    }

    private BlsPublicKey runNetworkDkg() {
        DkgCoordinator.Outcome outcome = new DkgCoordinator(adminToken, random).run(registry.nodes(), "network-bls",
                registry.network().threshold(), true, NETWORK_DKG_TIMEOUT);
        return BlsPublicKey.parse(outcome.publicKey());
    }

    private Optional<BlsPublicKey> storedNetworkKey() {
        for (int i = 0; i < config.nodes(); i++) {
            Optional<BlsPublicKey> key = KeyShareStore.open(config.nodeDir(i)).rootPublicKey();
            if (key.isPresent()) {
                return key;
            }
        }
        LOG.warn("no node of the devnet in {} holds a network key share", config.dataDir());
        return Optional.empty();
    }

    /** Starts (or restarts) the devnet of {@code config}. */
    public static Devnet start(DevnetConfig config, Clock clock, SecureRandom random) {
        return new Devnet(Objects.requireNonNull(config, "config"), clock, random);
    }

    private static SqliteRegistryWriter openOrCreate(DevnetConfig config, Clock clock, SecureRandom random) {
        if (Files.exists(config.registryFile())) {
            return SqliteRegistryWriter.open(config.registryFile());
        }
        List<NodeEntry> entries = new ArrayList<>();
        int[] freePorts = config.basePort() == 0 ? Ports.free(config.nodes()) : null;
        for (int i = 0; i < config.nodes(); i++) {
            NodeIdentity identity = NodeIdentity.loadOrCreate(config.nodeDir(i), random);
            int port = freePorts != null ? freePorts[i] : config.basePort() + i;
            entries.add(new NodeEntry(i, DevnetConfig.HOST, port, identity.wallet().address().toChecksumString(),
                    identity.identityPublicKey()));
        }
        NetworkInfo network = new NetworkInfo(CHAIN_ID, 1, NetworkInfo.thresholdFor(config.nodes()), STAKING_ADDRESS,
                clock.instant(), 86_400);
        SqliteRegistryWriter created = SqliteRegistryWriter.create(config.registryFile(), network, entries);
        try {
            BlockProducer.appendGenesis(created, clock, random);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    private LitNode startNode(int index, SecureRandom random) {
        return startNode(index, random, UnaryOperator.identity());
    }

    private LitNode startNode(int index, SecureRandom random, UnaryOperator<LitNode.Builder> customize) {
        NodeConfig nodeConfig = nodeConfig(config, index, "http://" + DevnetConfig.HOST + ":" + rpcPort);
        return customize.apply(LitNode.builder(nodeConfig).registry(registry).clock(clock).random(random)
                .actionRuntime(runtime)).start();
    }

    /** Node {@code index}'s configuration in a devnet of {@code config} whose chain answers at {@code rpcUrl}. */
    static NodeConfig nodeConfig(DevnetConfig config, int index, String rpcUrl) {
        return NodeConfig.of(config.registryFile(), index, config.nodeDir(index))
                .withChains(ChainConfig.of(chains(rpcUrl))).withCapacity(config.capacity()).withFetch(config.fetch());
    }

    /**
     * The chains a devnet node evaluates access-control conditions against: {@code ethereum} and
     * {@code yellowstone} (the Lit chain the devnet stands in for) both read the chain view at {@code rpcUrl}.
     */
    static Map<String, URI> chains(String rpcUrl) {
        URI url = URI.create(rpcUrl);
        return Map.of("ethereum", url, "yellowstone", url);
    }

    /** Stops node {@code index} (for fault tests); the rest keep running. */
    public synchronized void stopNode(int index) {
        if (nodes[index] != null) {
            nodes[index].close();
            nodes[index] = null;
        }
    }

    /** Starts a stopped node again from its data folder. */
    public synchronized void restartNode(int index) {
        restartNode(index, UnaryOperator.identity());
    }

    /**
     * Starts a stopped node again from its data folder, its builder changed by {@code customize} first (for fault
     * tests: e.g. a node whose threshold-ECDSA arithmetic cheats).
     */
    public synchronized void restartNode(int index, UnaryOperator<LitNode.Builder> customize) {
        if (nodes[index] == null) {
            nodes[index] = startNode(index, new SecureRandom(), Objects.requireNonNull(customize, "customize"));
        }
    }

    /**
     * The network's BLS root public key, which every node's handshake reports; empty only for a restarted folder
     * whose DKG never completed on some nodes.
     */
    public Optional<BlsPublicKey> networkPublicKey() {
        return Optional.ofNullable(networkKey);
    }

    /**
     * Mints a PKP on the running nodes (a secp256k1 DKG; see {@link PkpMinter}) and records it in the registry.
     *
     * @throws LitNodeException {@code NodeSystemFault} if fewer than the threshold of nodes take part or they
     *     disagree
     */
    public Pkp mintPkp(List<PkpPermission> permissions) {
        try (PkpMinter minter = PkpMinter.of(registry, writer, adminToken, random)) {
            return minter.mint(permissions);
        }
    }

    /**
     * As {@link #mintPkp(List)}, with {@code owner} recorded as the PKP's owner (who may revoke its grants,
     * {@code docs/revocation.md}).
     */
    public Pkp mintPkp(EthAddress owner, List<PkpPermission> permissions) {
        try (PkpMinter minter = PkpMinter.of(registry, writer, adminToken, random)) {
            return minter.mint(owner, permissions);
        }
    }

    /**
     * Mints a capacity credit held by {@code owner}, paying {@code requestsPerKilosecond} until {@code expiresAt}; the
     * nodes see it at once (a credit not found is never cached).
     *
     * @throws LitNodeException {@code InvalidArgument} for fewer than 1 request per kilosecond
     */
    public CapacityCredit mintCapacityCredit(EthAddress owner, long requestsPerKilosecond, Instant expiresAt) {
        return writer.mintCapacityCredit(owner, requestsPerKilosecond, expiresAt);
    }

    /**
     * Stores Lit Action source where every node reads it (the registry), for {@code executeJs({ipfsId})}.
     *
     * @return its IPFS CIDv0
     * @throws LitNodeException {@code InvalidArgument} for code over the default action code limit
     */
    public String putActionCode(String code) {
        return writer.putActionCode(code, ActionLimits.defaults().maxCodeBytes());
    }

    /** The chain view's JSON-RPC URL, e.g. {@code http://127.0.0.1:8545}. */
    public String rpcUrl() {
        return chain.url();
    }

    /** The block-hash URL ({@code …/get_most_recent_valid_block}). */
    public String blockHashUrl() {
        return chain.blockHashUrl();
    }

    /** The node URLs, by index. */
    public List<String> nodeUrls() {
        return registry.nodes().stream().map(NodeEntry::url).toList();
    }

    /** The registry as the nodes read it (the devnet closes it). */
    public SqliteRegistry registry() {
        return registry;
    }

    /** The configuration this devnet runs with. */
    public DevnetConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> all = new ArrayList<>(List.of(writer, registry));
        for (LitNode n : nodes) {
            if (n != null) {
                all.add(n);
            }
        }
        all.add(runtime);
        all.add(chain);
        all.add(blocks);
        closeAll(all);
        LOG.info("devnet stopped");
    }

    /** Closes in reverse order: last started, first stopped; the registry reader and writer last. */
    static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
