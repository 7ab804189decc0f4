package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.ecdsa.Participants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the signing set of a request with no leader: every node ranks the registry's nodes by
 * {@code SHA-256("litj-signing-set\n" tokenId "\n" requestId "\n" digest hex "\n" node index)} and takes the first
 * {@code t} that are live (this node always is; others by {@link Liveness}). Nodes that see the same live nodes pick
 * the same set; a node that sees another set fails the agreement round with the others, and the request fails
 * rather than sign with a mixed set. Thread-safe.
 */
final class SigningSets {
    private final NodeEntry self;
    private final Registry registry;
    private final Liveness liveness;

    SigningSets(NodeEntry self, Registry registry, Liveness liveness) {
        this.self = self;
        this.registry = registry;
        this.liveness = liveness;
    }

    /** The nodes in the order this request ranks them (node indexes). */
    List<Integer> ranking(String tokenId, String requestId, Bytes digest) {
        return ranking(registry.nodes(), tokenId, requestId, digest);
    }

    private static List<Integer> ranking(List<NodeEntry> registered, String tokenId, String requestId,
            Bytes digest) {
        List<NodeEntry> nodes = new ArrayList<>(registered);
        List<byte[]> keys = new ArrayList<>();
        nodes.forEach(n -> keys.add(rank(tokenId, requestId, digest, n.index())));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> keys.get(i), Arrays::compareUnsigned));
        return order.stream().map(i -> nodes.get(i).index()).toList();
    }

    /**
     * The signing set: share indexes of the first {@code t} live nodes of the ranking, with threshold {@code t}.
     *
     * @throws LitNodeException {@code NodeSystemFault} if fewer than {@code t} nodes are live
     */
    Participants choose(String tokenId, String requestId, Bytes digest) {
        int t = registry.network().threshold();
        List<NodeEntry> nodes = registry.nodes(); // read once per request: each read is a registry query
        List<Integer> chosen = new ArrayList<>();
        for (int index : ranking(nodes, tokenId, requestId, digest)) {
            if (chosen.size() == t) {
                break;
            }
            NodeEntry node = nodes.stream().filter(n -> n.index() == index).findFirst().orElseThrow();
            if (index == self.index() || liveness.isLive(node)) {
                chosen.add(index + 1);
            }
        }
        if (chosen.size() < t) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "only " + chosen.size() + " of the "
                    + nodes.size() + " nodes answer; signing needs " + t);
        }
        chosen.sort(Integer::compare);
        return new Participants(chosen, t);
    }

    /**
     * Every node this node sees live (itself always), as share indexes, with threshold {@code t}: the parties that
     * exchange shares when an action combines a signature ({@link ActionCombiner}).
     *
     * @throws LitNodeException {@code NodeSystemFault} if fewer than {@code t} nodes are live
     */
    Participants live() {
        int t = registry.network().threshold();
        List<Integer> live = new ArrayList<>();
        for (NodeEntry node : registry.nodes()) {
            if (node.index() == self.index() || liveness.isLive(node)) {
                live.add(node.index() + 1);
            }
        }
        if (live.size() < Math.max(2, t)) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "only " + live.size() + " of the "
                    + registry.nodes().size() + " nodes answer; signing needs " + t);
        }
        live.sort(Integer::compare);
        return new Participants(live, t);
    }

    private static byte[] rank(String tokenId, String requestId, Bytes digest, int index) {
        return Hashes.sha256(("litj-signing-set\n" + tokenId + "\n" + requestId + "\n" + digest.hex() + "\n" + index)
                .getBytes(StandardCharsets.UTF_8));
    }
}
