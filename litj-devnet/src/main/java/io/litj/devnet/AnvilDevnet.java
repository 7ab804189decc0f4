package io.litj.devnet;

import io.litj.devnet.chain.ChainView;
import io.litj.devnet.evm.AnvilBinary;
import io.litj.devnet.evm.AnvilChainFile;
import io.litj.devnet.evm.AnvilProcess;
import io.litj.devnet.evm.EvmRegistryWriter;
import io.litj.devnet.evm.EvmSender;
import io.litj.devnet.evm.LitjContracts;
import io.litj.node.LitNode;
import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.AdminToken;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.EvmContracts;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A devnet whose registry is litj's contracts on anvil ({@code litj devnet up --chain anvil}): anvil on 127.0.0.1,
 * the contracts deployed (Staking at {@link Devnet#STAKING_ADDRESS}, where the JS SDK reads it for {@code custom}),
 * each node registered by its own wallet as staker, the nodes reading an {@link EvmRegistry}, and the network key
 * made by a DKG among them as on the embedded devnet. The JSON-RPC URL a client needs is anvil's. This round it
 * always starts a new chain: a data folder that held an anvil devnet is refused. {@link #close()} stops the nodes
 * and anvil.
 */
public final class AnvilDevnet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnvilDevnet.class);
    private static final BigInteger FUNDS = BigInteger.TEN.pow(21);

    private final AnvilProcess anvil;
    private final EvmContracts contracts;
    private final EvmRegistry registry;
    private final ActionRuntime runtime;
    private final List<LitNode> nodes = new ArrayList<>();
    private final BlsPublicKey networkKey;
    private final EvmRegistryWriter writer;
    private final DkgCoordinator coordinator;
    private final PkpKeyPool keyPool;

    private AnvilDevnet(DevnetConfig config, Path anvilCache, Clock clock, SecureRandom random, int keyPoolTarget) {
        Path marker = AnvilChainFile.in(config.dataDir());
        if (Files.exists(marker) || Files.exists(config.registryFile())) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "the data folder " + config.dataDir()
                    + " already holds a devnet; an anvil devnet starts from an empty folder (use another --data)");
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            int[] freePorts = Ports.free(config.nodes() + 1); // anvil's and the nodes', distinct from each other
            int rpcPort = config.rpcPort() != 0 ? config.rpcPort() : freePorts[config.nodes()];
            Ports.requireFree(rpcPort, "anvil");
            this.anvil = AnvilProcess.start(AnvilBinary.locate(anvilCache), rpcPort,
                    config.dataDir().resolve("anvil.log"));
            started.add(anvil);
            EvmSender admin = funded(PrivateKeyEthSigner.fromBytes(secret(random)));
            this.contracts = LitjContracts.deploy(anvil, admin, EthAddress.parse(Devnet.STAKING_ADDRESS, "Staking"),
                    86_400);
            this.writer = new EvmRegistryWriter(contracts, admin);
            for (int i = 0; i < config.nodes(); i++) {
                NodeIdentity identity = NodeIdentity.loadOrCreate(config.nodeDir(i), random);
                int port = config.basePort() == 0 ? freePorts[i] : config.basePort() + i;
                Ports.requireFree(port, "node " + i);
                writer.registerNode(new NodeEntry(i, DevnetConfig.HOST, port,
                        identity.wallet().address().toChecksumString(), identity.identityPublicKey()),
                        funded(identity.wallet()));
            }
            this.registry = EvmRegistry.open(anvil.url(), contracts, clock, EvmRegistry.DEFAULT_CACHE_TTL);
            started.add(registry);
            registry.followEvents(EvmRegistry.DEFAULT_EVENT_POLL);
            AdminToken token = AdminToken.loadOrCreate(AdminToken.fileFor(config.registryFile()), random);
            this.runtime = new ActionRuntime(config.actionLimits());
            started.add(runtime);
            for (NodeEntry e : registry.nodes()) {
                LitNode node = LitNode.builder(Devnet.nodeConfig(config, e.index(), anvil.url().toString()))
                        .registry(registry).clock(clock).random(random).actionRuntime(runtime).start();
                nodes.add(node);
                started.add(node);
            }
            this.coordinator = new DkgCoordinator(token, random);
            this.networkKey = BlsPublicKey.parse(coordinator.run(registry.nodes(),
                    "network-bls", registry.network().threshold(), true, Devnet.NETWORK_DKG_TIMEOUT).publicKey());
            this.keyPool = PkpKeyPool.start(() -> PkpMinter.makeKey(coordinator, registry), PkpKeyPool.Chain.of(writer), keyPoolTarget, PkpKeyPool.Backoff.standard());
            started.add(keyPool);
            chainFile().write(config.dataDir());
        } catch (IOException e) {
            Devnet.closeAll(started);
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "writing " + marker + ": " + e.getMessage());
        } catch (RuntimeException e) {
            Devnet.closeAll(started);
            throw e;
        }
        LOG.info("anvil devnet of {} nodes up: rpc {}, Staking {}", nodes.size(), anvil.url(), contracts.staking());
    }

    /**
     * Starts an anvil devnet of {@code config} (whose {@code rpcPort} is anvil's), anvil taken from {@code $LITJ_ANVIL}
     * or installed under {@code anvilCache}.
     */
    public static AnvilDevnet start(DevnetConfig config, Path anvilCache, Clock clock, SecureRandom random) {
        return start(config, anvilCache, clock, random, PkpKeyPool.DEFAULT_TARGET);
    }

    /**
     * As {@link #start(DevnetConfig, Path, Clock, SecureRandom)}, keeping {@code keyPoolTarget} PKP keys made ahead
     * of time in the chain's pool (filled in the background once the devnet is up; see {@link PkpKeyPool}).
     *
     * @throws LitNodeException {@code InvalidArgument} if the target is outside {@code [0, PkpKeyPool.MAX_TARGET]}
     */
    public static AnvilDevnet start(DevnetConfig config, Path anvilCache, Clock clock, SecureRandom random,
            int keyPoolTarget) {
        PkpKeyPool.checkTarget(keyPoolTarget);
        return new AnvilDevnet(Objects.requireNonNull(config, "config"), anvilCache, clock, random, keyPoolTarget);
    }

    /** A sender of transactions from {@code wallet}, which is given funds on the chain first. */
    public EvmSender funded(PrivateKeyEthSigner wallet) {
        fund(wallet.address());
        return new EvmSender(anvil.rpc(), wallet, AnvilProcess.CHAIN_ID);
    }

    /** Gives {@code account} 1000 ether on the dev chain ({@code anvil_setBalance}), to pay for mints and gas. */
    public void fund(EthAddress account) {
        anvil.setBalance(account, FUNDS);
    }

    private static byte[] secret(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        key[0] &= 0x7f; // below the curve order
        key[31] |= 1; // not zero
        return key;
    }

    /**
     * Mints a PKP to {@code owner} on chain: the owner (funded here) mints the next pooled key with {@code mintNext}
     * (the pool gets one made at once if it is empty) and permits {@code permissions} with
     * {@code addPermittedAuthMethod}, each a transaction; returns the PKP as the nodes' registry reads it.
     *
     * @throws LitNodeException {@code NodeSystemFault} if a DKG or a transaction fails
     */
    public synchronized Pkp mintPkp(PrivateKeyEthSigner owner, List<PkpPermission> permissions) {
        keyPool.ensureKey();
        EvmSender sender = funded(owner);
        String tokenId = writer.mintNext(sender, BigInteger.ZERO);
        for (PkpPermission p : permissions) {
            writer.permit(sender, tokenId, p);
        }
        return registry.pkp(tokenId).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeSystemFault,
                "PKP " + tokenId + " was minted but the registry does not find it"));
    }

    /** The contracts object of {@code litj devnet up --json}: see {@link AnvilChainFile#contractsJson()}. */
    public JsonValue.JsonObject contractsJson() {
        return chainFile().contractsJson();
    }

    /** The chain as the data folder records it. */
    public AnvilChainFile chainFile() {
        return new AnvilChainFile(anvil.url(), contracts);
    }

    /** The contracts' addresses. */
    public EvmContracts contracts() {
        return contracts;
    }

    /** Anvil's JSON-RPC URL: the only setting the JS SDK needs ({@code rpcUrl}). */
    public String rpcUrl() {
        return anvil.url().toString();
    }

    /**
     * Where a JS SDK client's {@code _blockHashUrl} points: anvil's URL + {@code /get_most_recent_valid_block}, as
     * the SDK makes it from {@code rpcUrl}. Anvil has no such route, so the SDK takes the latest block from
     * {@code rpcUrl} instead.
     */
    public String blockHashUrl() {
        return rpcUrl() + ChainView.BLOCK_PATH;
    }

    /** The node URLs, by index. */
    public List<String> nodeUrls() {
        return registry.nodes().stream().map(NodeEntry::url).toList();
    }

    /** The network's BLS root public key. */
    public BlsPublicKey networkPublicKey() {
        return networkKey;
    }

    /** The refiller of the chain's PKP key pool. */
    public PkpKeyPool keyPool() {
        return keyPool;
    }

    /** How many pooled keys no one has minted yet, read from the chain. */
    public long keyPoolSize() {
        return writer.keyPoolSize();
    }

    /** The registry the nodes read. */
    public EvmRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(List.of(anvil, registry, runtime));
        all.addAll(nodes);
        all.add(keyPool); // closed first: no DKG runs while the nodes stop
        Devnet.closeAll(all);
        LOG.info("anvil devnet stopped");
    }
}
