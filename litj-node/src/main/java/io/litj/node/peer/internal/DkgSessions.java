package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/**
 * The DKG sessions of one node: starts them (at most {@value #MAX_RUNNING} at a time), finds them for incoming
 * messages and status calls, and forgets the oldest finished ones beyond {@value #MAX_KEPT}. Thread-safe.
 */
final class DkgSessions {
    static final int MAX_RUNNING = 4;
    static final int MAX_KEPT = 64;

    private final NodeEntry self;
    private final Registry registry;
    private final KeyShareStore keys;
    private final PeerClient client;
    private final ShareCipher cipher;
    private final DkgBehaviour behaviour;
    private final ExecutorService executor;
    private final SecureRandom random;
    private final LinkedHashMap<String, DkgSession> sessions = new LinkedHashMap<>();

    DkgSessions(NodeEntry self, Registry registry, KeyShareStore keys, PeerClient client, ShareCipher cipher,
            DkgBehaviour behaviour, ExecutorService executor, SecureRandom random) {
        this.self = self;
        this.registry = registry;
        this.keys = keys;
        this.client = client;
        this.cipher = cipher;
        this.behaviour = behaviour;
        this.executor = executor;
        this.random = random;
    }

    /**
     * Starts the session of {@code request}, or returns it if it was started with the same parameters.
     *
     * @throws LitNodeException {@code InvalidArgument} if the session id is taken by other parameters, the
     *     threshold does not fit the network, or a network key is asked for while this node holds one (or while
     *     another network DKG runs); {@code NodeConcurrencyOverload} if {@value #MAX_RUNNING} sessions run
     */
    synchronized DkgSession start(DkgRequest request) {
        DkgSession existing = sessions.get(request.session());
        if (existing != null) {
            if (existing.request().equals(request)) {
                return existing;
            }
            throw new LitNodeException(LitErrorCode.InvalidArgument, "DKG session " + request.session()
                    + " exists on node " + self.index() + " with other parameters");
        }
        List<DkgSession> running = sessions.values().stream().filter(DkgSession::isRunning).toList();
        if (running.size() >= MAX_RUNNING) {
            throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "node " + self.index() + " already runs "
                    + MAX_RUNNING + " DKG sessions");
        }
        TreeMap<Integer, NodeEntry> nodes = new TreeMap<>();
        registry.nodes().forEach(n -> nodes.put(n.index(), n));
        int n = nodes.size();
        if (n > 255 || (n > 0 && (nodes.firstKey() != 0 || nodes.lastKey() != n - 1))) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the registry's node indexes " + nodes.keySet()
                    + " are not 0.." + (n - 1));
        }
        NetworkInfo network = registry.network();
        if (request.threshold() > n) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "threshold " + request.threshold()
                    + " is larger than the network's " + n + " nodes");
        }
        if (request.purpose() == DkgPurpose.NETWORK_BLS) {
            if (request.threshold() != network.threshold()) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "a network key must have the network's "
                        + "threshold " + network.threshold() + ", not " + request.threshold());
            }
            if (keys.root().isPresent()) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "node " + self.index() + " already holds "
                        + "the network key share of epoch " + keys.root().get().epoch());
            }
            if (running.stream().anyMatch(s -> s.request().purpose() == DkgPurpose.NETWORK_BLS)) {
                throw new LitNodeException(LitErrorCode.InvalidArgument,
                        "a network key DKG is already running on node " + self.index());
            }
        }
        DkgSession session = new DkgSession(request, new DkgSession.Context(self, nodes, network.epoch(), client,
                cipher, keys, behaviour, executor, random));
        forgetOldFinished();
        sessions.put(request.session(), session);
        executor.execute(session::run);
        return session;
    }

    private void forgetOldFinished() {
        for (Iterator<DkgSession> it = sessions.values().iterator(); it.hasNext() && sessions.size() >= MAX_KEPT; ) {
            if (!it.next().isRunning()) {
                it.remove();
            }
        }
    }

    synchronized Optional<DkgSession> find(String session) {
        return Optional.ofNullable(sessions.get(session));
    }

    synchronized List<DkgSession> all() {
        return new ArrayList<>(sessions.values());
    }

    /** Cancels every running session (node shutdown). */
    synchronized void cancelAll() {
        sessions.values().forEach(DkgSession::cancel);
    }
}
