package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.PkpKeyShare;
import io.litj.node.keys.RootKeyShare;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.dkg.DkgCommitment;
import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.dkg.DkgMessage;
import io.litj.threshold.dkg.DkgParty;
import io.litj.threshold.dkg.DkgPrivateShare;
import io.litj.threshold.dkg.DkgResult;
import io.litj.threshold.dkg.DkgRound1;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Share;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's side of one DKG run: a {@link DkgParty} (party id = node index + 1, {@code n} = the registry's nodes)
 * driven through its rounds over the peer API. Each round ends when the expected message of every expected sender
 * has arrived, or when the round timeout passes: round 1 expects every other node; the complaint and reveal rounds
 * expect the nodes whose round-1 message arrived. At the end the node keeps only its own share, in its
 * {@link KeyShareStore}. Round-1 broadcast consistency: each complaint message carries a digest of the round-1
 * commitments its sender saw; if any differs from this node's, the run fails rather than risk keys that disagree.
 *
 * <p>Thread-safe: {@link #run()} runs on one thread, {@link #receive} on the HTTP threads; the party is touched only
 * under the lock. Every wait is bounded by the round timeout.
 */
final class DkgSession {
    private static final Logger LOG = LoggerFactory.getLogger(DkgSession.class);

    enum State { RUNNING, DONE, FAILED }

    /** Bound on the wake-ups of one wait (each message arrival wakes it), besides the time bound. */
    private static final int MAX_WAKEUPS = 100_000;

    /** What a session needs from its node. */
    record Context(NodeEntry self, Map<Integer, NodeEntry> nodes, long epoch, PeerClient client, ShareCipher cipher,
                   KeyShareStore keys, DkgBehaviour behaviour, Executor executor, SecureRandom random) {
    }

    private final DkgRequest request;
    private final Context ctx;
    private final int partyId;
    private final int parties;
    private final DkgParty party;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Set<Integer>> arrived = new HashMap<>();
    private final SortedMap<Integer, FeldmanCommitments> commitmentsSeen = new TreeMap<>();
    private final SortedMap<Integer, String> views = new TreeMap<>();
    private State state = State.RUNNING;
    private String step = "created";
    private String error;
    private boolean cancelled;
    private List<Integer> qualified = List.of();
    private SortedMap<Integer, String> disqualified = new TreeMap<>();
    private String publicKey;
    private String tokenId;

    DkgSession(DkgRequest request, Context ctx) {
        this.request = request;
        this.ctx = ctx;
        this.partyId = ctx.self().index() + 1;
        this.parties = ctx.nodes().size();
        this.party = DkgParty.create(new DkgConfig(request.purpose().group(), parties, request.threshold()), partyId,
                ctx.random());
        DkgBodies.KINDS.forEach(k -> arrived.put(k, new TreeSet<>()));
    }

    DkgRequest request() {
        return request;
    }

    boolean isRunning() {
        return locked(() -> state == State.RUNNING);
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the rounds to the end; never throws (a failure becomes the session's state). */
    void run() {
        try {
            runRounds();
        } catch (LitNodeException | LitProtocolException | ThresholdException e) {
            fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("stopped: the node is shutting down");
        } catch (RuntimeException e) {
            LOG.error("dkg {} on node {} failed unexpectedly", request.session(), ctx.self().index(), e);
            fail("internal error (" + e.getClass().getSimpleName() + "); see the node log");
        }
    }

    private void runRounds() throws InterruptedException {
        String session = request.session();
        DkgRound1 r1 = locked(() -> {
            DkgRound1 started = party.start();
            commitmentsSeen.put(partyId, started.broadcast().commitments());
            step = "round1";
            return started;
        });
        long deadline = deadline();
        for (DkgPrivateShare s : r1.privateShares()) {
            NodeEntry to = ctx.nodes().get(s.recipient() - 1);
            Share dealt = ctx.behaviour().dealt(s.recipient(), s.share());
            send(to, DkgBodies.ROUND1, DkgBodies.round1(r1.broadcast().commitments(),
                    ctx.cipher().seal(session, ctx.self(), to, dealt)), deadline);
        }
        Set<Integer> others = new TreeSet<>();
        for (int id = 1; id <= parties; id++) {
            if (id != partyId) {
                others.add(id);
            }
        }
        await(DkgBodies.ROUND1, others, deadline);

        List<Integer> accused = new ArrayList<>();
        Set<Integer> responsive;
        String view;
        lock.lock();
        try {
            requireNotCancelled();
            party.checkShares().forEach(c -> accused.add(c.accused()));
            responsive = Set.copyOf(arrived.get(DkgBodies.ROUND1));
            view = DkgBodies.viewDigest(commitmentsSeen);
            step = "complaints";
        } finally {
            lock.unlock();
        }
        deadline = deadline();
        broadcast(DkgBodies.COMPLAINTS, DkgBodies.complaints(accused, view), deadline);
        await(DkgBodies.COMPLAINTS, responsive, deadline);

        List<DkgBodies.Reveal> reveals = locked(() -> {
            requireNotCancelled();
            step = "reveals";
            return party.answerComplaints().stream().map(r -> new DkgBodies.Reveal(r.accuser(), r.share())).toList();
        });
        deadline = deadline();
        broadcast(DkgBodies.REVEALS, DkgBodies.reveals(reveals), deadline);
        await(DkgBodies.REVEALS, responsive, deadline);

        DkgResult result;
        lock.lock();
        try {
            requireNotCancelled();
            for (Map.Entry<Integer, String> v : views.entrySet()) {
                if (!v.getValue().equals(view)) {
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "party " + v.getKey() + " saw other "
                            + "round-1 commitments than party " + partyId + " (view " + v.getValue().substring(0, 8)
                            + "… vs " + view.substring(0, 8) + "…); no key was made");
                }
            }
            result = party.finish();
            step = "persisting";
        } finally {
            lock.unlock();
        }
        persist(result);
    }

    private void persist(DkgResult result) {
        String key;
        String token = null;
        switch (request.purpose()) {
            case NETWORK_BLS -> {
                RootKeyShare root = RootKeyShare.of(ctx.epoch(), BlsSecretKeyShare.of(result.secretShare()),
                        result.verificationCommitments());
                ctx.keys().saveRoot(root);
                key = root.publicKey().toHex();
            }
            case PKP -> {
                PkpKeyShare pkp = PkpKeyShare.of(result.secretShare(), result.verificationCommitments());
                ctx.keys().savePkp(pkp);
                key = pkp.publicKey().hex();
                token = pkp.tokenId();
            }
            default -> throw new IllegalStateException("unknown purpose " + request.purpose());
        }
        lock.lock();
        try {
            qualified = result.qualified();
            disqualified = new TreeMap<>(result.disqualified());
            publicKey = key;
            tokenId = token;
            state = State.DONE;
            step = "finished";
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.info("dkg {} ({}) on node {}: key {} (qualified {}, disqualified {})", request.session(),
                request.purpose().wireName(), ctx.self().index(), key, result.qualified(),
                result.disqualified().keySet());
    }

    /**
     * Takes a verified envelope of this session from another node.
     *
     * @throws LitNodeException {@code NodeBadInput} for a malformed body or a share that does not decrypt;
     *     {@code InvalidArgument} if the session is over or the party refuses the message (its round is closed, it
     *     contradicts an earlier one)
     */
    void receive(EnvelopeVerifier.Verified verified) {
        Envelope e = verified.envelope();
        int sender = e.from() + 1;
        if (sender > parties) {
            throw new LitNodeException(LitErrorCode.NodeNotAuthorized, "node " + e.from() + " is not a party of DKG "
                    + request.session() + " (" + parties + " parties)");
        }
        switch (e.kind()) {
            case DkgBodies.ROUND1 -> receiveRound1(verified, sender);
            case DkgBodies.COMPLAINTS -> {
                DkgBodies.Complaints c = DkgBodies.parseComplaints(e.body());
                List<DkgMessage> messages = new ArrayList<>();
                for (int accused : c.accused()) {
                    messages.add(DkgBodies.complaint(sender, accused));
                }
                deliver(DkgBodies.COMPLAINTS, sender, messages, () -> views.putIfAbsent(sender, c.view()));
            }
            case DkgBodies.REVEALS -> {
                List<DkgMessage> messages = new ArrayList<>();
                for (DkgBodies.Reveal r : DkgBodies.parseReveals(e.body(), request.purpose().group())) {
                    messages.add(DkgBodies.reveal(sender, r));
                }
                deliver(DkgBodies.REVEALS, sender, messages, () -> { });
            }
            default -> throw new LitNodeException(LitErrorCode.NodeBadInput, "unknown DKG message kind " + e.kind());
        }
    }

    private void receiveRound1(EnvelopeVerifier.Verified verified, int sender) {
        Envelope e = verified.envelope();
        DkgBodies.Round1 r = DkgBodies.parseRound1(e.body(), request.purpose().group());
        DkgCommitment commitment = new DkgCommitment(sender, r.commitments());
        Share share;
        try {
            share = ctx.cipher().open(request.session(), verified.sender(), ctx.self(), r.sealedShare(),
                    request.purpose().group(), partyId);
        } catch (LitNodeException x) {
            // the commitments still count: the missing share then draws a complaint, as the protocol wants
            deliver(DkgBodies.ROUND1, sender, List.of(commitment),
                    () -> commitmentsSeen.putIfAbsent(sender, r.commitments()));
            throw x;
        }
        deliver(DkgBodies.ROUND1, sender, List.of(commitment, DkgBodies.privateShare(sender, partyId, share)),
                () -> commitmentsSeen.putIfAbsent(sender, r.commitments()));
    }

    private void deliver(String kind, int sender, List<DkgMessage> messages, Runnable onAccepted) {
        lock.lock();
        try {
            if (state != State.RUNNING) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "DKG " + request.session() + " on node "
                        + ctx.self().index() + " is over (" + state.name().toLowerCase(Locale.ROOT) + ")");
            }
            for (DkgMessage m : messages) {
                party.receive(m);
            }
            onAccepted.run();
            arrived.get(kind).add(sender);
            changed.signalAll();
        } catch (ThresholdException x) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, x.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void send(NodeEntry to, String kind, String body, long deadline) {
        ctx.executor().execute(() -> ctx.client().deliver(to, request.session(), kind, body, deadline));
    }

    private void broadcast(String kind, String body, long deadline) {
        for (NodeEntry n : ctx.nodes().values()) {
            if (n.index() != ctx.self().index()) {
                send(n, kind, body, deadline);
            }
        }
    }

    private void await(String kind, Set<Integer> expected, long deadline) throws InterruptedException {
        lock.lock();
        try {
            for (int wakeups = 0; wakeups < MAX_WAKEUPS && !cancelled && !arrived.get(kind).containsAll(expected);
                    wakeups++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private long deadline() {
        return System.nanoTime() + request.roundTimeout().toNanos();
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "stopped: the node is shutting down");
        }
    }

    private void fail(String message) {
        lock.lock();
        try {
            state = State.FAILED;
            error = message;
            step = "failed";
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.warn("dkg {} ({}) on node {} failed: {}", request.session(), request.purpose().wireName(),
                ctx.self().index(), message);
    }

    /** Stops waiting; the run ends as failed. */
    void cancel() {
        lock.lock();
        try {
            cancelled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} for the run to end (tests, shutdown). */
    boolean awaitEnd(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            for (int wakeups = 0; wakeups < MAX_WAKEUPS && state == State.RUNNING; wakeups++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return state != State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    /** The admin status object (see {@code docs/dkg.md}). */
    JsonValue.JsonObject status() {
        return locked(() -> {
            Map<String, List<Integer>> received = new LinkedHashMap<>();
            DkgBodies.KINDS.forEach(k -> received.put(k, List.copyOf(arrived.get(k))));
            return new DkgStatus(request, ctx.self().index(), partyId, parties, state, step, received,
                    request.purpose() == DkgPurpose.NETWORK_BLS ? ctx.epoch() : 0, publicKey, tokenId, qualified,
                    disqualified, error);
        }).toJson();
    }

    @Override
    public String toString() {
        return "DkgSession[" + request.session() + " " + request.purpose().wireName() + " node "
                + ctx.self().index() + "]";
    }
}
