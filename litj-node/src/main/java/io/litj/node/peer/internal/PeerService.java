package io.litj.node.peer.internal;

import io.helidon.webserver.http.HttpRouting;
import io.litj.node.HttpLimits;
import io.litj.node.LitNodeException;
import io.litj.node.NodeConfig;
import io.litj.node.http.internal.Endpoint;
import io.litj.node.http.internal.HttpBridge;
import io.litj.node.http.internal.NodeResponse;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.node.revoke.RevocationBook;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.IntConsumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A node's side of the node-to-node API and of the admin API that drives it (see {@code docs/dkg.md}):
 * <ul>
 *   <li>{@code POST /litj/peer/v1/dkg} — a signed {@link Envelope} from another node, checked by
 *       {@link EnvelopeVerifier}, delivered to its {@link DkgSession};</li>
 *   <li>{@code POST /litj/peer/v1/protocol} — a signed envelope for a {@link ProtocolRuns} run;</li>
 *   <li>{@code POST /litj/peer/v1/revocation} — revocations pushed and pulled ({@link RevocationPeers}, registered
 *       by the node);</li>
 *   <li>{@code /litj/admin/v1/dkg…} — {@link AdminApi}.</li>
 * </ul>
 * Owns the sessions' threads (virtual) and the HTTP client to the other nodes; {@link #close()} stops both.
 */
public final class PeerService implements AutoCloseable {
    static final String PEER_DKG = "/litj/peer/v1/dkg";

    private final EnvelopeVerifier verifier;
    private final PeerClient client;
    private final DkgSessions sessions;
    private final AdminApi admin;
    private final ProtocolRuns runs;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final NodeEntry self;
    private final Registry registry;
    private final Clock clock;
    private final NetworkKeyJoin networkKey;
    private final javax.net.ssl.SSLContext peerTls;

    /** The service of node {@code self}, honest. */
    public PeerService(NodeEntry self, NodeIdentity identity, Registry registry, KeyShareStore keys,
            SecureRandom random, Clock clock, NodeConfig config) {
        this(self, identity, registry, keys, random, clock, config, DkgBehaviour.HONEST, peer -> { });
    }

    /** The service of node {@code self}, honest, reporting each failed request to a peer to {@code peerErrors}. */
    public PeerService(NodeEntry self, NodeIdentity identity, Registry registry, KeyShareStore keys,
            SecureRandom random, Clock clock, NodeConfig config, IntConsumer peerErrors) {
        this(self, identity, registry, keys, random, clock, config, DkgBehaviour.HONEST, peerErrors);
    }

    /** As the public constructor, dealing DKG shares as {@code behaviour} says (tests make a node cheat). */
    PeerService(NodeEntry self, NodeIdentity identity, Registry registry, KeyShareStore keys, SecureRandom random,
            Clock clock, NodeConfig config, DkgBehaviour behaviour) {
        this(self, identity, registry, keys, random, clock, config, behaviour, peer -> { });
    }

    private PeerService(NodeEntry self, NodeIdentity identity, Registry registry, KeyShareStore keys,
            SecureRandom random, Clock clock, NodeConfig config, DkgBehaviour behaviour, IntConsumer peerErrors) {
        this.self = self;
        this.registry = registry;
        this.clock = clock;
        this.verifier = new EnvelopeVerifier(self.index(), registry, clock);
        this.peerTls = config.listen().peerTls();
        this.client = new PeerClient(identity.identity(), self.index(), clock, random, peerErrors, peerTls);
        ShareCipher cipher = new ShareCipher(identity.keyAgreement(), random);
        this.sessions = new DkgSessions(self, registry, keys, client, cipher, behaviour, executor, random);
        this.runs = new ProtocolRuns(self, registry, client, cipher, verifier, executor);
        this.admin = new AdminApi(config.adminTokenFile(), sessions);
        this.networkKey = config.registryChain() == null ? null : new NetworkKeyJoin(self, registry, keys, sessions,
                peerTls);
    }

    /** Adds the peer and admin routes, with their body limits ({@link HttpLimits}). */
    public void register(HttpRouting.Builder routing, HttpBridge http) {
        routing.post(PEER_DKG, http.json("peer-dkg", HttpLimits.PEER_BODY_BYTES, peerDkg()))
                .post(ProtocolRuns.PATH, http.json("peer-protocol", HttpLimits.PROTOCOL_BODY_BYTES, runs.endpoint()))
                .post("/litj/admin/v1/dkg", http.json("admin-dkg", HttpLimits.ADMIN_BODY_BYTES, admin.start()))
                .post("/litj/admin/v1/dkg/status", http.json("admin-dkg-status", HttpLimits.ADMIN_BODY_BYTES,
                        admin.status()))
                .get("/litj/admin/v1/dkg/status", http.noBody("admin-dkg-status", admin.list()));
    }

    private Endpoint peerDkg() {
        return req -> {
            EnvelopeVerifier.Verified v = verifier.verify(req.body());
            if (!DkgBodies.KINDS.contains(v.envelope().kind())) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "unknown DKG message kind "
                        + v.envelope().kind());
            }
            DkgSession session = sessions.find(v.envelope().session()).orElseThrow(() -> new LitNodeException(
                    LitErrorCode.NodeResourceIdNotFound, "no DKG session " + v.envelope().session()
                    + " on this node (yet)"));
            session.receive(v);
            return NodeResponse.ok(JsonValue.object().put("ok", new JsonValue.JsonBoolean(true)).build());
        };
    }

    /** The trust of this node's https calls to peers: the JDK trust store plus the config's {@code peerCaFile}. */
    public javax.net.ssl.SSLContext peerTls() {
        return peerTls;
    }

    /** Revocation sharing with the other nodes, kept in {@code book} ({@link RevocationPeers}). */
    public RevocationPeers revocations(RevocationBook book) {
        return new RevocationPeers(self, registry, client, verifier, executor, book, clock);
    }

    /** The protocol runs of this node (threshold ECDSA triples, presignatures, agreement rounds). */
    public ProtocolRuns protocolRuns() {
        return runs;
    }

    /**
     * For a node on a chain ({@code NodeConfig.registryChain}): starts making the network key with the other nodes
     * once the chain's validator set is sealed, unless this node holds its share ({@link NetworkKeyJoin}); call once
     * the node listens. Does nothing for a node of a registry file, whose network key an admin caller starts.
     */
    public void joinNetworkKey() {
        if (networkKey != null) {
            networkKey.start();
        }
    }

    /** The sessions (tests). */
    DkgSessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
        if (networkKey != null) {
            networkKey.close();
        }
        sessions.cancelAll();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
