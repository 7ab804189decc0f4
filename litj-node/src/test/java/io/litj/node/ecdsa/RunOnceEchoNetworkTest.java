package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.NodeInternals;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The echo round of {@code runOnce} ({@link ActionExchange}) on three running nodes: with an honest leader every
 * node takes its value; a leader that sends different values to different nodes (played here through the test seam
 * of {@link ActionExchange}) is caught by every node, the leader included, and no node takes any value.
 */
class RunOnceEchoNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

    @TempDir
    static Path dir;

    @AutoClose
    private static NodeNetwork net;

    @BeforeAll
    static void start() {
        net = NodeNetwork.start(dir, 3, CLOCK);
    }

    private static ActionExchange exchange(int node) {
        return new ActionExchange(NodeInternals.signer(net.node(node).orElseThrow()));
    }

    /** Every node's runOnce for {@code requestId} at once; the leader sends {@code dishonest} if given. */
    private static List<CompletableFuture<String>> runAll(String requestId, IntFunction<byte[]> dishonest) {
        List<CompletableFuture<String>> out = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            ActionExchange exchange = exchange(node);
            boolean leader = exchange.isLeader(requestId, CID);
            CompletableFuture<String> f = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    f.complete(exchange.runOnce(requestId, CID, 1, "pick", leader ? "the value" : "", 1024, TIMEOUT,
                            leader ? dishonest : null));
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            out.add(f);
        }
        return out;
    }

    @Test
    void honestLeader_everyNodeTakesItsValue() throws Exception {
        for (CompletableFuture<String> f : runAll("honest-" + System.nanoTime(), null)) {
            assertEquals("the value", f.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void equivocatingLeader_caughtByEveryNode_noValueTaken() throws Exception {
        String requestId = "equivocating-" + System.nanoTime();
        List<CompletableFuture<String>> runs = runAll(requestId,
                party -> ("value for " + party).getBytes(StandardCharsets.UTF_8));
        int leaders = 0;
        for (int node = 0; node < 3; node++) {
            leaders += exchange(node).isLeader(requestId, CID) ? 1 : 0;
            CompletableFuture<String> run = runs.get(node);
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
            LitNodeException cause = assertInstanceOf(LitNodeException.class, e.getCause());
            assertEquals(LitErrorCode.NodeSystemFault, cause.code());
            assertTrue(cause.getMessage().contains("sent different values to different nodes"), cause.getMessage());
        }
        assertEquals(1, leaders);
    }
}
