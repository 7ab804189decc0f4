package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.ecdsa.RunTransport;
import io.litj.node.http.internal.Endpoint;
import io.litj.node.http.internal.NodeResponse;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries {@link RoundProtocol} runs (triple generation, presigning, agreement rounds) among nodes over the
 * authenticated peer API ({@code POST /litj/peer/v1/protocol}, signed {@link Envelope}s). A run is keyed by
 * {@code (kind, session id)}: every participant starts it with the same pair and the same {@link Participants},
 * and the caller's thread drives it ({@link #run}) until it has its output. Messages to one party are sealed to it
 * ({@link ShareCipher}, purpose {@code protocol}); broadcasts are signed only. Each sender's messages reach the
 * protocol in the order sent ({@link ProtocolInbox}). Messages that already arrived are fed to the protocol before
 * its own are sent, and once the protocol has its output, its last messages are delivered in the background: the
 * driver does not wait for their acknowledgement (in a one-round exchange such as the presignature agreement, the
 * later of two parties then finishes as soon as it has sent its part).
 *
 * <p>Bounds: at most {@value #MAX_RUNS} runs at once ({@code NodeConcurrencyOverload} beyond), payloads of at most
 * {@link RunTransport#MAX_PAYLOAD_BYTES} bytes, a deadline of at most {@link #MAX_TIMEOUT}; messages for runs not
 * started yet wait in {@link PendingMessages} (bounded, refused beyond); messages for runs that ended are dropped.
 * A failure — a message the protocol refuses, a peer that does not take a message, the deadline — aborts the run: its
 * participants are told, and {@link #run} throws (a last message that cannot be delivered after the output only
 * leaves its recipient to fail at its deadline). Thread-safe.
 */
public final class ProtocolRuns implements RunTransport {
    static final String PATH = "/litj/peer/v1/protocol";
    static final String MESSAGE = "proto.msg";
    static final String ABORT = "proto.abort";
    /** Most runs at once. */
    public static final int MAX_RUNS = 16;
    /** Longest a run may take. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern KIND = Pattern.compile("[a-z]{1,8}");
    private static final Pattern KEY = Pattern.compile("[a-z]{1,8}-[0-9a-f]{32}");
    private static final int FINISHED_KEPT = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolRuns.class);

    private final NodeEntry self;
    private final Registry registry;
    private final PeerClient client;
    private final ShareCipher cipher;
    private final EnvelopeVerifier verifier;
    private final ExecutorService executor;
    private final PendingMessages pending = new PendingMessages(MAX_TIMEOUT.toNanos());
    private final Map<String, ActiveRun> active = new HashMap<>();
    private final LinkedHashSet<String> finished = new LinkedHashSet<>();

    /** A run in progress: its participants and inbox. */
    private record ActiveRun(Participants set, ProtocolInbox inbox) {
    }

    ProtocolRuns(NodeEntry self, Registry registry, PeerClient client, ShareCipher cipher, EnvelopeVerifier verifier,
            ExecutorService executor) {
        this.self = self;
        this.registry = registry;
        this.client = client;
        this.cipher = cipher;
        this.verifier = verifier;
        this.executor = executor;
    }

    /** This node's share index (node index + 1). */
    @Override
    public int selfIndex() {
        return self.index() + 1;
    }

    /**
     * Runs {@code protocol} with the other members of {@code set} until it has its output.
     *
     * @param kind what runs, {@code [a-z]{1,8}} (e.g. {@code tri}, {@code pre}, {@code agree})
     * @param sessionId the run's id, the same on every participant (hashed into the run key)
     * @param timeout at most {@link #MAX_TIMEOUT}
     * @throws LitNodeException {@code InvalidArgument} for a bad kind, timeout, or a set without this node, or a
     *     run of that key already in progress; {@code NodeConcurrencyOverload} if {@value #MAX_RUNS} runs are in
     *     progress; {@code NodeSystemFault} if the run failed or timed out (the cause says why; a
     *     {@link io.litj.threshold.ecdsa.CheatingPartyException} names the party)
     */
    @Override
    public <T> T run(String kind, byte[] sessionId, Participants set, RoundProtocol<T> protocol, Duration timeout) {
        if (!KIND.matcher(kind).matches() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0
                || !set.contains(selfIndex())) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "a protocol run needs a kind [a-z]{1,8}, a "
                    + "timeout of at most " + MAX_TIMEOUT + " and a set with this node (" + selfIndex() + "); got "
                    + kind + ", " + timeout + ", " + set.indices());
        }
        String key = key(kind, sessionId);
        ProtocolInbox inbox = register(key, set);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Integer> seqs = new HashMap<>();
        try {
            List<ProtocolMessage> outbox = new ArrayList<>(protocol.start());
            while (true) {
                Optional<T> out = protocol.output();
                for (ProtocolInbox.Delivery d = out.isEmpty() ? inbox.poll() : null; d != null;
                        d = out.isEmpty() ? inbox.poll() : null) {
                    outbox.addAll(protocol.receive(d.from(), d.payload()));
                    out = protocol.output();
                }
                if (out.isPresent()) {
                    send(key, set, outbox, seqs, deadline, false);
                    return out.get();
                }
                send(key, set, outbox, seqs, deadline, true);
                ProtocolInbox.Delivery d = inbox.take(deadline);
                outbox = new ArrayList<>(protocol.receive(d.from(), d.payload()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortOthers(key, set, "interrupted");
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "run " + key + " was interrupted");
        } catch (RuntimeException e) {
            abortOthers(key, set, e.getMessage());
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "run " + key + " failed: " + e.getMessage(),
                    List.of(), e);
        } finally {
            unregister(key);
        }
    }

    /** {@code kind-<first 16 bytes of SHA-256(sessionId), hex>}. */
    static String key(String kind, byte[] sessionId) {
        return kind + "-" + Hex.encode(Arrays.copyOf(Hashes.sha256(sessionId), 16));
    }

    private synchronized ProtocolInbox register(String key, Participants set) {
        if (active.containsKey(key)) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "protocol run " + key + " is already running");
        }
        if (active.size() >= MAX_RUNS) {
            throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "node " + self.index() + " already runs "
                    + MAX_RUNS + " protocol runs");
        }
        ProtocolInbox inbox = new ProtocolInbox();
        active.put(key, new ActiveRun(set, inbox));
        finished.remove(key);
        for (PendingMessages.Pending p : pending.take(key)) {
            if (!set.contains(p.from())) {
                continue;
            }
            if (p.abortReason() != null) {
                inbox.abort("party " + p.from() + ": " + p.abortReason());
            } else {
                inbox.offer(p.from(), p.seq(), p.payload());
            }
        }
        return inbox;
    }

    private synchronized void unregister(String key) {
        active.remove(key);
        finished.add(key);
        if (finished.size() > FINISHED_KEPT) {
            finished.remove(finished.iterator().next());
        }
    }

    /** Runs in progress (tests, limits). */
    public synchronized int activeRuns() {
        return active.size();
    }

    /**
     * Sends {@code messages} (each recipient's in order); with {@code await}, waits until every recipient took its
     * messages and throws if one did not. Without it (the run has its output: these are its last messages) the
     * deliveries go on in the background, retried as ever until the deadline, and a failure only stalls the others,
     * whose runs then fail at their deadline.
     */
    private void send(String key, Participants set, List<ProtocolMessage> messages,
            Map<Integer, Integer> seqs, long deadline, boolean await) {
        if (messages.isEmpty()) {
            return;
        }
        Map<Integer, List<String>> bodies = new LinkedHashMap<>();
        for (ProtocolMessage m : messages) {
            byte[] payload = m.payload();
            if (payload.length > RunTransport.MAX_PAYLOAD_BYTES || m.from() != selfIndex()
                    || (!m.isBroadcast() && (!set.contains(m.to()) || m.to() == selfIndex()))) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "the protocol produced an undeliverable "
                        + m);
            }
            for (int to : set.indices()) {
                if (to == selfIndex() || (!m.isBroadcast() && to != m.to())) {
                    continue;
                }
                int seq = seqs.merge(to, 1, Integer::sum) - 1;
                bodies.computeIfAbsent(to, k -> new ArrayList<>())
                        .add(ProtocolBodies.message(seq, m.isBroadcast() ? null : sealer(key, to), payload));
            }
        }
        List<Future<Boolean>> sent = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : bodies.entrySet()) {
            NodeEntry to = node(e.getKey() - 1);
            Callable<Boolean> task = () -> {
                for (String body : e.getValue()) {
                    if (!client.deliver(to, PATH, key, MESSAGE, body, deadline)) {
                        return false;
                    }
                }
                return true;
            };
            if (!await) {
                try {
                    executor.submit(task);
                } catch (RejectedExecutionException x) {
                    Thread.ofVirtual().start(() -> call(task)); // the node is stopping: still send, once
                }
                continue;
            }
            sent.add(executor.submit(task));
        }
        if (!await) {
            return;
        }
        int i = 0;
        for (Map.Entry<Integer, List<String>> e : bodies.entrySet()) {
            boolean ok;
            try {
                ok = sent.get(i++).get();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                ok = false;
            } catch (ExecutionException x) {
                ok = false;
            }
            if (!ok) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "node " + (e.getKey() - 1)
                        + " did not take a message of run " + key);
            }
        }
    }

    private static void call(Callable<Boolean> task) {
        try {
            task.call();
        } catch (Exception e) {
            LOG.info("a last protocol message was not delivered: {}", e.toString());
        }
    }

    private Function<byte[], JsonValue.JsonObject> sealer(String key, int to) {
        NodeEntry recipient = node(to - 1);
        return plain -> cipher.sealBytes(ProtocolBodies.SEAL_PURPOSE, key, self, recipient, plain);
    }

    private void abortOthers(String key, Participants set, String reason) {
        String body = ProtocolBodies.abort(reason);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (int to : set.indices()) {
            if (to != selfIndex()) {
                NodeEntry node = node(to - 1);
                Runnable tell = () -> client.deliver(node, PATH, key, ABORT, body, deadline);
                try {
                    executor.execute(tell);
                } catch (RejectedExecutionException e) {
                    Thread.ofVirtual().start(tell); // the node is stopping: still tell the others, once
                }
            }
        }
        LOG.info("protocol run {} aborted: {}", key, reason);
    }

    private NodeEntry node(int index) {
        return registry.nodes().stream().filter(n -> n.index() == index).findFirst().orElseThrow(() ->
                new LitNodeException(LitErrorCode.NodeSystemFault, "the registry has no node " + index));
    }

    /** {@code POST /litj/peer/v1/protocol}: a verified envelope for a run. */
    Endpoint endpoint() {
        return req -> {
            EnvelopeVerifier.Verified v = verifier.verify(req.body());
            receive(v);
            return NodeResponse.ok(JsonValue.object().put("ok", new JsonValue.JsonBoolean(true)).build());
        };
    }

    private void receive(EnvelopeVerifier.Verified v) {
        Envelope e = v.envelope();
        String key = e.session();
        if (!KEY.matcher(key).matches() || !(e.kind().equals(MESSAGE) || e.kind().equals(ABORT))) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "protocol envelope of kind " + e.kind()
                    + " for run " + key + " is not one this node takes");
        }
        int from = e.from() + 1;
        PendingMessages.Pending p;
        if (e.kind().equals(ABORT)) {
            p = new PendingMessages.Pending(from, -1, null, ProtocolBodies.abortReason(e.body()), System.nanoTime());
        } else {
            ProtocolBodies.Parsed m = ProtocolBodies.parse(e.body(), sealed -> cipher.openBytes(
                    ProtocolBodies.SEAL_PURPOSE, key, v.sender(), self, sealed, RunTransport.MAX_PAYLOAD_BYTES,
                    "sealed message from node " + e.from()));
            p = new PendingMessages.Pending(from, m.seq(), m.payload(), null, System.nanoTime());
        }
        ActiveRun run;
        synchronized (this) {
            run = active.get(key);
            if (run == null) {
                if (!finished.contains(key)) {
                    pending.add(key, p);
                }
                return;
            }
        }
        if (!run.set().contains(from)) {
            throw new LitNodeException(LitErrorCode.NodeNotAuthorized, "node " + e.from() + " is not a party of run "
                    + key);
        }
        if (p.abortReason() != null) {
            run.inbox().abort("party " + from + ": " + p.abortReason());
        } else {
            run.inbox().offer(from, p.seq(), p.payload());
        }
    }
}
