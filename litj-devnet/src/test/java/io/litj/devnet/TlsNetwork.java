package io.litj.devnet;

import io.litj.devnet.chain.BlockProducer;
import io.litj.devnet.chain.ChainView;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.ListenConfig;
import io.litj.node.LitNode;
import io.litj.node.NodeTls;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.AdminToken;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.devnet.testing.DevnetFixture;
import io.litj.protocol.testing.Port443;
import io.litj.protocol.testing.TestCa;
import io.litj.protocol.tls.TlsContexts;
import io.litj.threshold.bls.BlsPublicKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A 3-node network on 127.0.0.1 (embedded registry and chain view, as a devnet) where node 0 is registered at
 * {@code 127.0.0.1:443} and serves https itself with a certificate of a test CA ({@code tls}), and nodes 1 and 2 are
 * on plain http ports; every node trusts the CA for its peer calls ({@code peerCaFile}), and the network key is made
 * by a DKG whose admin and peer messages reach node 0 over https. Fails under {@code CI}, and is skipped elsewhere,
 * when 127.0.0.1:443 cannot be bound ({@link Port443}). {@link #close()} stops everything.
 */
public final class TlsNetwork implements AutoCloseable {
    private static final int NODES = 3;

    private final TestCa ca;
    private final Path caFile;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final SqliteRegistry registry;
    private final List<LitNode> nodes = new ArrayList<>();
    private final ChainView chain;
    private final BlsPublicKey networkKey;

    private TlsNetwork(Path dir, Clock clock) {
        SecureRandom random = new SecureRandom();
        this.ca = TestCa.create("litj TLS network test CA");
        this.caFile = ca.writeCertificate(dir.resolve("ca.pem"));
        Path[] tlsFiles = ca.issue("127.0.0.1").write(dir, "node-0");
        DevnetConfig config = DevnetConfig.defaults(dir).withNodes(NODES).withActionLimits(DevnetFixture.QUICK_LIMITS);
        int[] ports = Ports.free(NODES);
        ports[0] = Port443.PORT;
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            NodeIdentity identity = NodeIdentity.loadOrCreate(config.nodeDir(i), random);
            entries.add(new NodeEntry(i, DevnetConfig.HOST, ports[i], identity.wallet().address().toChecksumString(),
                    identity.identityPublicKey()));
        }
        NetworkInfo network = new NetworkInfo(Devnet.CHAIN_ID, 1, NetworkInfo.thresholdFor(NODES),
                Devnet.STAKING_ADDRESS, clock.instant(), 86_400);
        try {
            SqliteRegistryWriter writer = SqliteRegistryWriter.create(config.registryFile(), network, entries);
            started.add(writer);
            BlockProducer.appendGenesis(writer, clock, random);
            this.registry = SqliteRegistry.open(config.registryFile());
            started.add(registry);
            AdminToken token = AdminToken.loadOrCreate(AdminToken.fileFor(config.registryFile()), random);
            ActionRuntime runtime = new ActionRuntime(config.actionLimits());
            started.add(runtime);
            int rpcPort = Ports.free();
            for (int i = 0; i < NODES; i++) {
                ListenConfig listen = ListenConfig.registered().withPeerCaFile(caFile);
                if (i == 0) {
                    listen = listen.withTls(new NodeTls(tlsFiles[0], tlsFiles[1]));
                }
                LitNode node = LitNode.builder(Devnet.nodeConfig(config, i, "http://127.0.0.1:" + rpcPort)
                        .withListen(listen)).registry(registry).clock(clock).random(random).actionRuntime(runtime)
                        .start();
                started.add(node);
                nodes.add(node);
            }
            this.chain = ChainView.builder(registry).port(rpcPort).clock(clock).start();
            started.add(chain);
            DkgCoordinator.Outcome outcome = new DkgCoordinator(token, random,
                    TlsContexts.client(List.of(ca.certificate()))).run(registry.nodes(), "network-bls",
                    network.threshold(), true, Devnet.NETWORK_DKG_TIMEOUT);
            this.networkKey = BlsPublicKey.parse(outcome.publicKey());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the network with data in {@code dir}; checks 127.0.0.1:443 first. */
    public static TlsNetwork start(Path dir, Clock clock) {
        Port443.requireBindable();
        return new TlsNetwork(dir, clock);
    }

    /** The CA that signed node 0's certificate. */
    public TestCa ca() {
        return ca;
    }

    /** The CA certificate as a PEM file (for {@code NODE_EXTRA_CA_CERTS}). */
    public Path caFile() {
        return caFile;
    }

    /** The chain view's JSON-RPC URL (Staking lists node 0 on port 443). */
    public String rpcUrl() {
        return chain.url();
    }

    /** The block-hash URL. */
    public String blockHashUrl() {
        return chain.blockHashUrl();
    }

    /** The registered node URLs by index: {@code https://127.0.0.1:443} first. */
    public List<String> nodeUrls() {
        return registry.nodes().stream().map(NodeEntry::url).toList();
    }

    /** The network key the DKG made. */
    public BlsPublicKey networkKey() {
        return networkKey;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        started.clear();
    }
}
