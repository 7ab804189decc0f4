package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the nodes of a network on a chain make the network key without an admin caller: while this node holds no
 * network key share, it watches the chain; once the epoch is {@value #SEALED_EPOCH} or later (the owner sealed the
 * validator set with Staking's {@code advanceEpoch()}) and every listed node answers {@code /litj/health}, it starts
 * the network DKG itself as session {@code network-bls-e<epoch>} with the chain's threshold. Every node does the
 * same, so they meet in one session (a peer's messages for a session this node has not started yet are re-sent).
 * Each node keeps only its share; a restarted node that holds one does nothing. A session that fails is not started
 * again in the same epoch: the owner advances the epoch to try again. Runs on one virtual thread; {@link #close()}
 * stops it.
 */
final class NetworkKeyJoin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkKeyJoin.class);
    /** The first epoch in which the nodes make the network key: epoch 1 is for joining. */
    static final long SEALED_EPOCH = 2;
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final NodeEntry self;
    private final Registry registry;
    private final KeyShareStore keys;
    private final DkgSessions sessions;
    private final HttpClient http;
    private volatile boolean closed;
    private Thread thread;

    NetworkKeyJoin(NodeEntry self, Registry registry, KeyShareStore keys, DkgSessions sessions,
            javax.net.ssl.SSLContext peerTls) {
        this.http = HttpClient.newBuilder().sslContext(peerTls).connectTimeout(HEALTH_TIMEOUT).build();
        this.self = self;
        this.registry = registry;
        this.keys = keys;
        this.sessions = sessions;
    }

    /** Starts watching, unless this node holds a network key share already. */
    synchronized void start() {
        if (thread == null && keys.root().isEmpty()) {
            thread = Thread.ofVirtual().name("litj-network-key-" + self.index()).start(this::watch);
        }
    }

    private void watch() {
        long tried = 0;
        try {
            while (!closed && keys.root().isEmpty()) {
                tried = step(tried);
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One look at the chain; returns the epoch whose session this node has started. */
    private long step(long tried) throws InterruptedException {
        try {
            NetworkInfo network = registry.network();
            if (network.epoch() < SEALED_EPOCH || network.epoch() == tried || !allAnswer(registry.nodes())) {
                return tried;
            }
            String id = "network-bls-e" + network.epoch();
            LOG.info("node {}: the chain's epoch {} is sealed and all nodes answer; starting DKG {}", self.index(),
                    network.epoch(), id);
            DkgSession session = sessions.start(new DkgRequest(id, DkgPurpose.NETWORK_BLS, network.threshold(),
                    ROUND_TIMEOUT));
            while (!closed && !session.awaitEnd(POLL.toMillis())) {
                // the session's rounds are bounded by their timeouts
            }
            LOG.info("node {}: DKG {} ended: {}", self.index(), id, Text.cut(session.status().toString()));
            return network.epoch();
        } catch (LitNodeException | LitProtocolException e) {
            LOG.warn("node {}: cannot make the network key yet: {}", self.index(), Text.cut(e.getMessage()));
            return tried;
        }
    }

    private boolean allAnswer(List<NodeEntry> nodes) throws InterruptedException {
        for (NodeEntry n : nodes) {
            HttpRequest ask = HttpRequest.newBuilder(URI.create(n.url() + "/litj/health")).timeout(HEALTH_TIMEOUT)
                    .GET().build();
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        http.close();
    }
}
