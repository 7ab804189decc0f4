package io.litj.node;

import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.litj.node.actions.ActionException;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.auth.AuthGate;
import io.litj.node.http.internal.ExecuteEndpoint;
import io.litj.node.http.internal.HandshakeEndpoint;
import io.litj.node.http.internal.HttpBridge;
import io.litj.node.http.internal.MemoryActionStore;
import io.litj.node.http.internal.NodeResponse;
import io.litj.node.http.internal.SignSessionKeyEndpoint;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.peer.internal.PeerService;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Lit node: an HTTP server on its registry entry's host and port, serving the Lit routes with every
 * protected request passed through the {@link AuthGate}. Runs in-process (tests, devnet) or alone
 * ({@code litj node --config <file>}). Start with {@link #builder}; {@link #close()} stops it.
 */
public final class LitNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LitNode.class);

    private final NodeEntry entry;
    private final Registry registry;
    private final ActionRuntime runtime;
    private final boolean ownsRuntime;
    private final WebServer server;
    private final PeerService peer;

    private LitNode(Builder b) {
        this.registry = SqliteRegistry.open(b.config.registryFile());
        ActionRuntime ownRuntime = null;
        PeerService ownPeer = null;
        try {
            this.entry = registry.nodes().stream().filter(n -> n.index() == b.config.index()).findFirst()
                    .orElseThrow(() -> new LitNodeException(LitErrorCode.InvalidArgument, "the registry "
                            + b.config.registryFile() + " has no node with index " + b.config.index()));
            NodeIdentity identity = NodeIdentity.loadOrCreate(b.config.dataDir(), b.random);
            if (!identity.identityPublicKey().equals(entry.identityKey())) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "data folder " + b.config.dataDir()
                        + " holds identity " + identity.identityPublicKey() + " but the registry lists node "
                        + entry.index() + " as " + entry.identityKey());
            }
            // issue 8: every node has its own action slots, also on a runtime shared with other in-process nodes
            this.runtime = b.runtime == null ? new ActionRuntime(ActionLimits.defaults()) : b.runtime.withOwnSlots();
            this.ownsRuntime = true;
            ownRuntime = runtime;
            KeyShareStore keys = KeyShareStore.open(b.config.dataDir());
            SessionSigValidator validator = SessionSigValidator.builder(entry.address()).clock(b.clock)
                    .blsVerifier(Bls.capabilityVerifier(keys::rootPublicKey)).build();
            AuthGate gate = new AuthGate(validator);
            HttpBridge http = new HttpBridge(b.config.maxBodyBytes(), LitNode::extraErrorFields);
            HandshakeEndpoint handshake = new HandshakeEndpoint(registry, entry,
                    () -> keys.rootPublicKey().map(BlsPublicKey::toHex));
            SignSessionKeyEndpoint signSessionKey = new SignSessionKeyEndpoint(entry, registry, keys, runtime,
                    b.clock);
            this.peer = new PeerService(entry, identity, registry, keys, b.random, b.clock, b.config);
            ownPeer = peer;
            ExecuteEndpoint execute = new ExecuteEndpoint(gate, runtime, new MemoryActionStore(64L * 1024 * 1024));
            this.server = WebServer.builder()
                    .host(entry.host())
                    .port(entry.port())
                    .maxPayloadSize(b.config.maxBodyBytes() + 1)
                    .directHandlers(DirectHandlers.builder().addHandler(DirectHandler.EventType.BAD_REQUEST,
                            http.directHandler()).build())
                    .routing(r -> {
                        r.post("/web/handshake", http.json("handshake", handshake))
                                .post("/web/handshake/", http.json("handshake", handshake))
                                .post("/web/execute/v1", http.json("execute", execute))
                                .post("/web/execute", http.json("execute", execute))
                                .post("/web/sign_session_key/v1", http.json("sign_session_key", signSessionKey))
                                .get("/litj/health", http.noBody("health", req -> NodeResponse.ok(JsonValue.object()
                                        .put("status", "ok").put("node", entry.address()).build())));
                        peer.register(r, http);
                        r.any(http.notFound());
                    })
                    .build()
                    .start();
            if (!server.isRunning()) {
                server.stop();
                throw new LitNodeException(LitErrorCode.InvalidArgument, "node " + entry.index()
                        + " cannot listen on " + entry.address() + " (port " + entry.port() + " in use?)");
            }
        } catch (RuntimeException e) {
            if (ownPeer != null) {
                ownPeer.close();
            }
            if (ownRuntime != null) {
                ownRuntime.close();
            }
            registry.close();
            throw e;
        }
        LOG.info("node {} listening on {}", entry.index(), url());
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

    /** {@code http://host:port}. */
    public String url() {
        return entry.url();
    }

    /** This node's registry entry. */
    public NodeEntry entry() {
        return entry;
    }

    /** True while the server runs. */
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        try {
            server.stop();
            peer.close();
        } finally {
            if (ownsRuntime) {
                runtime.close();
            }
            registry.close();
            LOG.info("node {} stopped", entry.index());
        }
    }

    /** Configures a {@link LitNode}. */
    public static final class Builder {
        private final NodeConfig config;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private ActionRuntime runtime;

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

        /**
         * A Lit Action runtime whose engine is shared with other in-process nodes (the caller closes it); this node
         * runs its actions in slots of its own ({@link ActionRuntime#withOwnSlots()}).
         */
        public Builder actionRuntime(ActionRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /** Starts the node. */
        public LitNode start() {
            return new LitNode(this);
        }
    }
}
