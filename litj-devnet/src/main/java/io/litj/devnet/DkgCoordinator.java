package io.litj.devnet;

import io.litj.node.LitNodeException;
import io.litj.node.keys.AdminToken;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.tls.TlsContexts;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one DKG across the nodes of a network through their admin APIs: starts the same session on every node, then
 * asks each for its status with a waiting status call (the node answers when its run is over, or after at most
 * {@value #WAIT_MILLIS} ms; at most {@value #MAX_CALLS_PER_NODE} calls per node, within the caller's total time),
 * and checks that they agree on the public key. It never sees a share: each node keeps its own.
 */
final class DkgCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(DkgCoordinator.class);
    static final long WAIT_MILLIS = 10_000;
    static final int MAX_CALLS_PER_NODE = 10;
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

    private final AdminToken token;
    private final SecureRandom random;
    private final SSLContext tls;

    DkgCoordinator(AdminToken token, SecureRandom random) {
        this(token, random, TlsContexts.client(List.of()));
    }

    /** A coordinator whose admin calls to https nodes trust {@code tls} (the JDK trust store plus a private CA). */
    DkgCoordinator(AdminToken token, SecureRandom random, SSLContext tls) {
        this.token = token;
        this.random = random;
        this.tls = tls;
    }

    /** The agreed outcome: the key every participating node reports, and each node's last status. */
    record Outcome(String session, String publicKey, Map<Integer, JsonValue.JsonObject> statuses) {
        String field(String name) {
            return AdminClient.string(statuses.values().iterator().next(), name);
        }
    }

    /**
     * Runs a {@code purpose} DKG with threshold {@code t} among {@code nodes}.
     *
     * @param requireAll whether every node must take part (a network key) or only the reachable ones, at least
     *     {@code t} (a PKP)
     * @throws LitNodeException {@code NodeSystemFault} if too few nodes take part, a node's run fails, nodes
     *     disagree on the key, or {@code timeout} passes; a node's own code if it refuses the start
     */
    Outcome run(List<NodeEntry> nodes, String purpose, int threshold, boolean requireAll, Duration timeout) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        String session = purpose + "-" + Hex.encode(id);
        JsonValue start = JsonValue.object().put("session", session).put("purpose", purpose)
                .put("threshold", new JsonValue.JsonNumber(threshold))
                .put("roundTimeoutMs", new JsonValue.JsonNumber(ROUND_TIMEOUT.toMillis())).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (AdminClient admin = new AdminClient(token, tls)) {
            List<NodeEntry> started = new ArrayList<>();
            for (NodeEntry n : nodes) {
                try {
                    admin.post(n.url() + "/litj/admin/v1/dkg", start);
                    started.add(n);
                } catch (AdminClient.Unreachable e) {
                    if (requireAll) {
                        throw new LitNodeException(LitErrorCode.NodeSystemFault, "DKG " + session + " needs every node"
                                + " but node " + n.index() + " does not answer at " + n.url(), List.of(), e);
                    }
                    LOG.warn("DKG {}: node {} does not answer; it will not hold a share", session, n.index());
                }
            }
            if (started.size() < threshold) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "DKG " + session + " needs " + threshold
                        + " nodes but only " + started.size() + " answer");
            }
            Map<Integer, JsonValue.JsonObject> statuses = await(admin, session, started, deadline, timeout);
            TreeSet<String> keys = new TreeSet<>();
            statuses.values().forEach(s -> keys.add(AdminClient.string(s, "publicKey")));
            if (keys.size() != 1) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "DKG " + session + ": nodes report "
                        + "different keys " + keys);
            }
            LOG.info("DKG {} done on {} nodes: key {}", session, statuses.size(), keys.first());
            return new Outcome(session, keys.first(), statuses);
        }
    }

    private static Map<Integer, JsonValue.JsonObject> await(AdminClient admin, String session, List<NodeEntry> nodes,
            long deadline, Duration timeout) {
        Map<Integer, JsonValue.JsonObject> done = new TreeMap<>();
        for (NodeEntry n : nodes) {
            for (int call = 0; call < MAX_CALLS_PER_NODE && !done.containsKey(n.index()); call++) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                long wait = Math.min(WAIT_MILLIS, left);
                JsonValue ask = JsonValue.object().put("session", session)
                        .put("waitMs", new JsonValue.JsonNumber(wait)).build();
                JsonValue.JsonObject status = admin.post(n.url() + "/litj/admin/v1/dkg/status", ask,
                        Duration.ofMillis(wait + 5_000));
                switch (AdminClient.string(status, "state")) {
                    case "done" -> done.put(n.index(), status);
                    case "failed" -> throw new LitNodeException(LitErrorCode.NodeSystemFault, "DKG " + session
                            + " failed on node " + n.index() + ": " + AdminClient.string(status, "error"));
                    default -> {
                    }
                }
            }
            if (!done.containsKey(n.index())) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "DKG " + session + " did not finish on node "
                        + n.index() + " within " + timeout.toSeconds() + " s (done: nodes " + done.keySet() + ")");
            }
        }
        return done;
    }
}
