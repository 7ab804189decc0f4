package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.Participants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The signing set: the same ranking on every node, the first t live nodes, refused when too few are live. */
class SigningSetsTest {
    private static final String TOKEN = "cd".repeat(32);
    private static final Bytes DIGEST = Bytes.of(new byte[32]);

    private final InMemoryRegistry registry = registry(5);
    private final Set<Integer> down = new HashSet<>();

    private static InMemoryRegistry registry(int n) {
        List<NodeEntry> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new NodeEntry(i, "127.0.0.1", 9, "0x" + "0".repeat(39) + i, "ab".repeat(32)));
        }
        return new InMemoryRegistry(new NetworkInfo(31337, 1, NetworkInfo.thresholdFor(n),
                "0xD4507CD392Af2c80919219d7896508728f6A623F", Instant.parse("2026-01-01T00:00:00Z"), 86_400), nodes);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private SigningSets as(int node) {
        return new SigningSets(registry.nodes().get(node), registry, n -> !down.contains(n.index()));
    }

    @Test
    void choose_everyNodeOfTheNetwork_picksTheSameSetPerRequest() {
        Set<List<Integer>> sets = new HashSet<>();
        for (int request = 0; request < 20; request++) {
            Participants first = as(0).choose(TOKEN, "r" + request, DIGEST);
            for (int node = 1; node < 5; node++) {
                assertEquals(first, as(node).choose(TOKEN, "r" + request, DIGEST));
            }
            assertEquals(3, first.size());
            sets.add(first.indices());
        }
        assertEquals(true, sets.size() > 1, "the ranking should spread requests over sets: " + sets);
    }

    @Test
    void choose_twoNodesDown_picksTheThreeLiveOnes() {
        down.addAll(Set.of(1, 3));

        for (int request = 0; request < 10; request++) {
            assertEquals(List.of(1, 3, 5), as(0).choose(TOKEN, "r" + request, DIGEST).indices());
        }
    }

    @Test
    void choose_fewerLiveNodesThanTheThreshold_refusedWithNodeSystemFault() {
        down.addAll(Set.of(1, 2, 3));

        LitNodeException e = assertThrows(LitNodeException.class, () -> as(0).choose(TOKEN, "r", DIGEST));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals("only 2 of the 5 nodes answer; signing needs 3", e.getMessage());
    }
}
