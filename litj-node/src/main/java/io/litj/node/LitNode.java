package io.litj.node;

import io.litj.node.actions.ActionException;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.acc.HttpChainRpc;
import io.litj.node.auth.AccAuthGate;
import io.litj.node.auth.AuthGate;
import io.litj.node.auth.LoginLimits;
import io.litj.node.auth.PkpSignAuthorizer;
import io.litj.node.ecdsa.EcdsaScheme;
import io.litj.node.ecdsa.DecryptionExchange;
import io.litj.node.ecdsa.PkpSigner;
import io.litj.node.ecdsa.PresignatureStore;
import io.litj.node.http.internal.EncryptionSignEndpoint;
import io.litj.node.http.internal.ActionAccess;
import io.litj.node.http.internal.ActionChains;
import io.litj.node.fetch.ActionFetcher;
import io.litj.node.http.internal.ExecuteEndpoint;
import io.litj.node.http.internal.HandshakeEndpoint;
import io.litj.node.http.internal.HealthEndpoint;
import io.litj.node.http.internal.HttpBridge;
import io.litj.node.http.internal.MemoryActionStore;
import io.litj.node.http.internal.RegistryActionStore;
import io.litj.node.http.internal.NodeListener;
import io.litj.node.http.internal.PkpSignEndpoint;
import io.litj.node.http.internal.SignSessionKeyEndpoint;
import io.litj.node.http.internal.SigningAccEndpoint;
import io.litj.node.http.internal.StoredActionConditions;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.metrics.NodeMetrics;
import io.litj.node.peer.internal.PeerService;
import io.litj.node.peer.internal.RevocationPeers;
import io.litj.node.revoke.RevocationBook;
import io.litj.node.http.internal.RevokeEndpoint;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Lit node: an HTTP server on its registry entry's host and port, serving the Lit routes with every
 * protected request passed through the {@link AuthGate}. Runs in-process (tests, devnet) or alone
 * ({@code litj node --config <file>}). Start with {@link #builder}; {@link #close()} stops it.
 *
 * <p>The node reads the network through the {@link Registry} it is given ({@link Builder#registry}) and never opens,
 * writes or closes one itself: whoever starts a node opens its registry and closes it after the node has stopped
 * (the devnet launcher, {@code litj node}, tests). Likewise a shared {@link ActionRuntime} stays the caller's.
 */
public final class LitNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LitNode.class);
    private static final int PRESIGNATURES_PER_SET = 16;
    private static final int PRESIGNATURES_TOTAL = 4096;

    private final NodeEntry entry;
    private final Registry registry;
    private final ActionRuntime runtime;
    private final boolean ownsRuntime;
    private final NodeListener server;
    private final PeerService peer;
    private final PkpSigner signer;
    private final HttpChainRpc chains;
    private final CapacityGate capacity;
    private final RevocationBook revocations;
    private final NodeMetrics metrics;

    private LitNode(Builder b) {
        this.registry = b.registry;
        this.metrics = b.config.metrics() ? NodeMetrics.on() : NodeMetrics.off();
        ActionRuntime ownRuntime = null;
        PeerService ownPeer = null;
        PkpSigner ownSigner = null;
        HttpChainRpc ownChains = null;
        CapacityGate ownCapacity = null;
        RevocationBook ownRevocations = null;
        try {
            NodeIdentity identity = NodeIdentity.loadOrCreate(b.config.dataDir(), b.random);
            this.entry = b.config.registryChain() != null ? listedAs(registry, identity)
                    : registry.nodes().stream().filter(n -> n.index() == b.config.index()).findFirst()
                    .orElseThrow(() -> new LitNodeException(LitErrorCode.InvalidArgument, "the registry "
                            + registry + " has no node with index " + b.config.index()));
            if (!identity.identityPublicKey().equals(entry.identityKey())) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "data folder " + b.config.dataDir()
                        + " holds identity " + identity.identityPublicKey() + " but the registry lists node "
                        + entry.index() + " as " + entry.identityKey());
            }
            ListenConfig listen = b.config.listen();
            listen.requireMatches(entry);
            Optional<SSLContext> serverTls = listen.serverTls(); // refused here, before anything is opened
            // issue 8: every node has its own action slots, also on a runtime shared with other in-process nodes
            this.runtime = b.runtime == null ? new ActionRuntime(ActionLimits.defaults()) : b.runtime.withOwnSlots();
            this.ownsRuntime = true;
            ownRuntime = runtime;
            KeyShareStore keys = KeyShareStore.open(b.config.dataDir());
            this.revocations = RevocationBook.open(b.config.dataDir(), b.clock.instant(), registry::pkpOwner);
            ownRevocations = revocations;
            SessionSigValidator.Builder validation = SessionSigValidator.builder(entry.address()).clock(b.clock)
                    .blsVerifier(Bls.capabilityVerifier(keys::rootPublicKey)).revocations(revocations);
            if (registry instanceof EvmRegistry evm) {
                validation.contractSignatures(evm.contractSignatures()); // EIP-1271 needs a chain to ask
            }
            SessionSigValidator validator = validation.build();
            AuthGate gate = new AuthGate(validator, metrics::validation);
            this.capacity = CapacityGate.open(b.config.capacity(), registry, b.config.dataDir(), b.clock);
            ownCapacity = capacity;
            HttpBridge http = new HttpBridge(b.config, LitNode::extraErrorFields, metrics);
            HandshakeEndpoint handshake = new HandshakeEndpoint(registry, entry,
                    () -> keys.rootPublicKey().map(BlsPublicKey::toHex));
            SignSessionKeyEndpoint signSessionKey = new SignSessionKeyEndpoint(entry, registry, keys, runtime,
                    b.clock, b.loginLimits);
            this.peer = new PeerService(entry, identity, registry, keys, b.random, b.clock, b.config,
                    metrics::peerError);
            ownPeer = peer;
            RevocationPeers revocationPeers = peer.revocations(revocations);
            int pulled = revocationPeers.pullFromPeers();
            if (pulled > 0) {
                LOG.info("node {} learned {} revocations from its peers", entry.index(), pulled);
            }
            RevokeEndpoint revoke = new RevokeEndpoint(revocations, revocationPeers::push, b.clock);
            PresignatureStore presignatures = new PresignatureStore(b.config.dataDir(), b.ecdsaScheme,
                    PRESIGNATURES_PER_SET, PRESIGNATURES_TOTAL);
            this.signer = new PkpSigner(entry, registry, keys, peer.protocolRuns(), b.ecdsaScheme, presignatures,
                    b.random, peer.peerTls(), metrics::pkpSignPhase);
            ownSigner = signer;
            PkpSignAuthorizer pkpAuthorizer = new PkpSignAuthorizer(registry, gate);
            PkpSignEndpoint pkpSign = new PkpSignEndpoint(pkpAuthorizer, signer, capacity, metrics::pkpSignPhase);
            this.chains = new HttpChainRpc(b.config.chains());
            ownChains = chains;
            AccAuthGate accGate = new AccAuthGate(validator, b.clock, metrics::validation);
            RegistryActionStore actionStore = new RegistryActionStore(registry,
                    new MemoryActionStore(64L * 1024 * 1024));
            ConditionEvaluator evaluator = new ConditionEvaluator(chains, b.config.chains().maxCallsPerRequest(),
                    new StoredActionConditions(actionStore, runtime));
            ExecuteEndpoint execute = new ExecuteEndpoint(gate, runtime, actionStore,
                    registry, pkpAuthorizer, signer, new ActionAccess(evaluator, accGate, entry, keys,
                    new DecryptionExchange(signer), b.random), capacity, new ActionFetcher(b.config.fetch()),
                    new ActionChains(b.config.chains(), chains), metrics::actionRun);
            EncryptionSignEndpoint encryptionSign = new EncryptionSignEndpoint(entry, keys, accGate, evaluator,
                    capacity);
            SigningAccEndpoint signingAcc = new SigningAccEndpoint(entry, keys, accGate, evaluator, capacity,
                    b.clock);
            HealthEndpoint health = new HealthEndpoint(entry.address(), registry,
                    () -> keys.rootPublicKey().isPresent(), () -> capacity.mode().wireName());
            ActionRuntime slots = runtime;
            metrics.gauge("litj.action.slots.in.use", "Lit Action execution slots taken now",
                    slots::slotsInUse);
            metrics.gauge("litj.action.slots.size", "Lit Action execution slots of this node",
                    () -> slots.limits().maxConcurrent());
            metrics.gauge("litj.presignatures.unused", "unused ECDSA presignatures this node holds",
                    presignatures::size);
            String bindHost = listen.host(entry.host());
            int bindPort = listen.port(entry.port());
            this.server = NodeListener.start(bindHost, bindPort, serverTls, b.config, http, r -> {
                r.post("/web/handshake", http.json("handshake", handshake))
                        .post("/web/handshake/", http.json("handshake", handshake))
                        .post("/web/execute/v1", http.json("execute", b.config.maxBodyBytes(), execute))
                        .post("/web/execute", http.json("execute", b.config.maxBodyBytes(), execute))
                        .post("/web/sign_session_key/v1", http.json("sign_session_key", signSessionKey))
                        .post("/web/pkp/sign/v1", http.json("pkp_sign", HttpLimits.PKP_SIGN_BODY_BYTES, pkpSign))
                        .post("/web/pkp/sign", http.json("pkp_sign", HttpLimits.PKP_SIGN_BODY_BYTES, pkpSign))
                        .post("/web/encryption/sign/v1", http.json("encryption_sign", HttpLimits.ACC_BODY_BYTES,
                                encryptionSign))
                        .post("/web/encryption/sign", http.json("encryption_sign", HttpLimits.ACC_BODY_BYTES,
                                encryptionSign))
                        .post("/web/encryption/sign/", http.json("encryption_sign", HttpLimits.ACC_BODY_BYTES,
                                encryptionSign))
                        .post("/web/signing/access_control_condition/v1", http.json("signing_acc",
                                HttpLimits.ACC_BODY_BYTES, signingAcc))
                        .post("/web/signing/access_control_condition", http.json("signing_acc",
                                HttpLimits.ACC_BODY_BYTES, signingAcc))
                        .post("/web/signing/access_control_condition/", http.json("signing_acc",
                                HttpLimits.ACC_BODY_BYTES, signingAcc))
                        .post("/web/revoke", http.json("revoke", HttpLimits.REVOKE_BODY_BYTES, revoke))
                        .get("/litj/health", http.noBody("litj_health", health.liveness()))
                        .get("/health", http.noBody("health", health.readiness()));
                if (metrics.enabled()) {
                    r.get("/metrics", http.text("metrics", NodeMetrics.CONTENT_TYPE, metrics::scrape));
                }
                peer.register(r, http);
                revocationPeers.register(r, http);
                r.any(http.notFound());
            });
            if (!server.isRunning()) {
                server.close();
                throw new LitNodeException(LitErrorCode.InvalidArgument, "node " + entry.index()
                        + " cannot listen on " + bindHost + ":" + bindPort + " (port " + bindPort + " in use?)");
            }
        } catch (RuntimeException e) {
            if (ownCapacity != null) {
                ownCapacity.close();
            }
            if (ownChains != null) {
                ownChains.close();
            }
            if (ownSigner != null) {
                ownSigner.close();
            }
            if (ownPeer != null) {
                ownPeer.close();
            }
            if (ownRevocations != null) {
                ownRevocations.close();
            }
            if (ownRuntime != null) {
                ownRuntime.close();
            }
            throw e;
        }
        peer.joinNetworkKey();
        LOG.info("node {} listening on {} for {}", entry.index(), server.address(), url());
    }

    /** A node on a chain is the one the chain lists with its identity key (it registered with it). */
    private static NodeEntry listedAs(Registry registry, NodeIdentity identity) {
        return registry.nodes().stream().filter(n -> n.identityKey().equals(identity.identityPublicKey()))
                .findFirst().orElseThrow(() -> new LitNodeException(LitErrorCode.InvalidArgument, "the registry "
                        + registry + " does not list this node (wallet " + identity.wallet().address()
                        .toChecksumString() + ", identity " + identity.identityPublicKey() + "); register it first: "
                        + "litj node register --config <file> --address <ip:port>"));
    }

    /** A builder for the node of {@code config}. */
    public static Builder builder(NodeConfig config) {
        return new Builder(config);
    }

    private static JsonValue.JsonObject extraErrorFields(LitNodeException e) {
        if (e instanceof ActionException a) {
            return JsonValue.object().put("logs", a.logs()).build();
        }
        return JsonValue.JsonObject.empty();
    }

    /** The registered URL ({@link NodeEntry#url()}: {@code https://} for port 443, else {@code http://}). */
    public String url() {
        return entry.url();
    }

    /**
     * Where this node's listener is bound, e.g. {@code https://127.0.0.1:443}, or {@code http://127.0.0.1:7471} for
     * a node that {@code listen}s apart from its registered address.
     */
    public String listenAddress() {
        return server.address();
    }

    /** The node's PKP signer (tests drive action exchanges through it). */
    PkpSigner signer() {
        return signer;
    }

    /** The node's peer service (tests drive protocol runs through it). */
    PeerService peer() {
        return peer;
    }

    /** This node's registry entry. */
    public NodeEntry entry() {
        return entry;
    }

    /** True while the server runs. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops the server, the peer service and an own action runtime; the registry stays open (its opener closes it). */
    @Override
    public void close() {
        try {
            server.close();
            signer.close();
            chains.close();
            peer.close();
            capacity.close();
            revocations.close();
        } finally {
            if (ownsRuntime) {
                runtime.close();
            }
            LOG.info("node {} stopped", entry.index());
        }
    }

    /** Configures a {@link LitNode}. */
    public static final class Builder {
        private final NodeConfig config;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private ActionRuntime runtime;
        private Registry registry;
        private LoginLimits loginLimits = LoginLimits.defaults();
        private EcdsaScheme ecdsaScheme = EcdsaScheme.caitSith();

        private Builder(NodeConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How recent {@code sign_session_key}'s wallet logins must be and how many this node remembers. */
        public Builder loginLimits(LoginLimits limits) {
            this.loginLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The threshold-ECDSA arithmetic behind {@code /web/pkp/sign} (default {@link EcdsaScheme#caitSith()};
         * tests may give one that misbehaves).
         */
        public Builder ecdsaScheme(EcdsaScheme scheme) {
            this.ecdsaScheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * A Lit Action runtime whose engine is shared with other in-process nodes (the caller closes it); this node
         * runs its actions in slots of its own ({@link ActionRuntime#withOwnSlots()}).
         */
        public Builder actionRuntime(ActionRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /**
         * The registry this node reads (required): nodes, network facts, blocks and PKPs. The node never closes it;
         * the caller closes it after {@link LitNode#close()}.
         */
        public Builder registry(Registry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Starts the node.
         *
         * @throws LitNodeException {@code InvalidArgument} if no registry was given, the registry has no node of the
         *     config's index, the data folder holds another node's identity, the port is taken, or the TLS files
         *     are unreadable or do not belong together (the message names the file)
         */
        public LitNode start() {
            if (registry == null) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "node " + config.index()
                        + " has no registry: give one with LitNode.builder(config).registry(registry)");
            }
            return new LitNode(this);
        }
    }
}
