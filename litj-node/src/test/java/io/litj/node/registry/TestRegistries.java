package io.litj.node.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fixed network facts and node lists for registry and chain tests. */
public final class TestRegistries {
    /** Chain id of the test network (Lit's Chronicle Yellowstone id, as a realistic value). */
    public static final long CHAIN_ID = 175188;
    /** The datil-dev Staking address the JS SDK uses for {@code custom}. */
    public static final String STAKING = "0xD4507CD392Af2c80919219d7896508728f6A623F";
    /** Epoch start of the test network. */
    public static final Instant EPOCH_START = Instant.parse("2026-01-01T00:00:00Z");
    /** Ethereum addresses of the nodes, in index order (well-known public test accounts). */
    public static final List<String> ADDRESSES = List.of(
            "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
            "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
            "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
            "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc");

    private TestRegistries() {
    }

    /** Epoch 5, threshold for {@code n} nodes, one-hour epochs starting at {@link #EPOCH_START}. */
    public static NetworkInfo network(int n) {
        return new NetworkInfo(CHAIN_ID, 5, NetworkInfo.thresholdFor(n), STAKING, EPOCH_START, 3600);
    }

    /** {@code n} nodes on 127.0.0.1, ports 7470, 7471, … */
    public static List<NodeEntry> nodes(int n) {
        List<NodeEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new NodeEntry(i, "127.0.0.1", 7470 + i, ADDRESSES.get(i), String.format("%064x", i + 1)));
        }
        return out;
    }

    /** A block with a hash derived from its number. */
    public static Block block(long number, Instant timestamp) {
        return new Block(number, String.format("0x%064x", 0xb10c000L + number), timestamp);
    }
}
