package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.ecdsa.Participants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The node-to-node rounds behind {@code Lit.Actions.broadcastAndCollect} and {@code runOnce}
 * ({@code docs/actions.md}), over the authenticated peer API ({@link RunTransport}) among the live nodes. A run
 * is named by the request id, the action's CID, the action's call number and the name the action gave, so every
 * node running the same request names it alike. The {@code runOnce} leader is the first live node of a ranking every
 * node computes from (request id, CID), so no node can claim to lead, and a value is accepted from it only; an
 * echo round of digests then makes sure it sent every node the same value. Thread-safe.
 */
public final class ActionExchange {
    /** Longest one round waits for the other nodes (less when the action's deadline is nearer). */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final PkpSigner signer;

    public ActionExchange(PkpSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * Sends {@code value} to every live node and collects theirs: the others' values by share index, then this
     * node's last (as Datil orders them).
     *
     * @throws LitNodeException {@code NodeSystemFault} if too few nodes are live, or the round fails or times out
     */
    public List<String> broadcastAndCollect(String requestId, String cid, int call, String name, String value,
            int maxBytes, Duration timeout) {
        Participants live = signer.sets().live();
        Map<Integer, byte[]> values = run("bcast", requestId, cid, call, name, live, Set.copyOf(live.indices()),
                value, maxBytes, timeout);
        int self = signer.runs().selfIndex();
        List<String> out = new ArrayList<>();
        values.keySet().stream().sorted().filter(i -> i != self)
                .forEach(i -> out.add(new String(values.get(i), StandardCharsets.UTF_8)));
        out.add(value);
        return out;
    }

    /** Whether this node is the {@code runOnce} leader of this request and action. */
    public boolean isLeader(String requestId, String cid) {
        return leader(requestId, cid, signer.sets().live()) == signer.runs().selfIndex();
    }

    /**
     * The leader's value of {@code runOnce}: sent by the leader ({@code value} is its own), received by the others
     * ({@code value} ignored).
     *
     * @throws LitNodeException {@code NodeSystemFault} if the round fails or times out
     */
    public String runOnce(String requestId, String cid, int call, String name, String value, int maxBytes,
            Duration timeout) {
        return runOnce(requestId, cid, call, name, value, maxBytes, timeout, null);
    }

    /**
     * As {@link #runOnce(String, String, int, String, String, int, Duration)}; a leader with {@code dishonest} sends
     * {@code dishonest.apply(party)} to each party instead of its value (tests of the echo round).
     */
    String runOnce(String requestId, String cid, int call, String name, String value, int maxBytes,
            Duration timeout, IntFunction<byte[]> dishonest) {
        long end = System.nanoTime() + timeout.toNanos();
        Participants live = signer.sets().live();
        int leader = leader(requestId, cid, live);
        byte[] got = run("once", requestId, cid, call, name, live, Set.of(leader),
                value.getBytes(StandardCharsets.UTF_8), dishonest, maxBytes, timeout).get(leader);
        // the echo round: every node sends the digest of what it got; one leader value for all, or none is taken
        byte[] digest = Hashes.sha256(got);
        Map<Integer, byte[]> echoes = run("echo", requestId, cid, call, name, live, Set.copyOf(live.indices()),
                digest, null, digest.length, Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        List<Integer> differing = echoes.entrySet().stream().filter(e -> !Arrays.equals(e.getValue(), digest))
                .map(Map.Entry::getKey).sorted().toList();
        if (!differing.isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "runOnce: the leader (node " + leader
                    + ") sent different values to different nodes (nodes " + differing + " got another value than"
                    + " node " + signer.runs().selfIndex() + "); no node takes it");
        }
        return new String(got, StandardCharsets.UTF_8);
    }

    private int leader(String requestId, String cid, Participants live) {
        Bytes digest = Bytes.of(Hashes.sha256(cid.getBytes(StandardCharsets.UTF_8)));
        return signer.sets().ranking("litj-run-once", requestId, digest).stream().map(index -> index + 1)
                .filter(live::contains).findFirst().orElseThrow(() -> new LitNodeException(
                        LitErrorCode.NodeSystemFault, "no live node to run runOnce"));
    }

    private Map<Integer, byte[]> run(String kind, String requestId, String cid, int call, String name,
            Participants live, Set<Integer> senders, String value, int maxBytes, Duration timeout) {
        return run(kind, requestId, cid, call, name, live, senders, value.getBytes(StandardCharsets.UTF_8), null,
                maxBytes, timeout);
    }

    private Map<Integer, byte[]> run(String kind, String requestId, String cid, int call, String name,
            Participants live, Set<Integer> senders, byte[] own, IntFunction<byte[]> ownFor, int maxBytes,
            Duration timeout) {
        byte[] session = PresignMaker.seed("litj-action-" + kind, requestId, cid, Integer.toString(call), name);
        return signer.runs().run(kind, session, live, new ValueExchange(live, senders, signer.runs().selfIndex(),
                own, ownFor, maxBytes), timeout);
    }
}
