package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.peer.internal.ProtocolRuns;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.testing.MutableClock;
import io.litj.threshold.ecdsa.CheatingPartyException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProtocolRuns} between three real nodes on 127.0.0.1: broadcasts and sealed messages arrive in the order
 * sent, a run that fails on one node aborts it on the others, and the bounds hold.
 */
class ProtocolRunsNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static NodeNetwork net;

    @BeforeAll
    static void start() {
        net = NodeNetwork.start(dir, 3, CLOCK);
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static ProtocolRuns runs(int node) {
        return net.node(node).orElseThrow().peer().protocolRuns();
    }

    /**
     * Each party broadcasts {@code b<self>}, then sends {@code p<self>.0 … p<self>.4} to every other party; the
     * output is what arrived, in arrival order. A party that {@code cheats} sends nothing and throws when a
     * message arrives.
     */
    private static final class Chatter implements RoundProtocol<List<String>> {
        private final Participants set;
        private final int self;
        private final boolean cheats;
        private final List<String> got = new ArrayList<>();

        Chatter(Participants set, int self, boolean cheats) {
            this.set = set;
            this.self = self;
            this.cheats = cheats;
        }

        @Override
        public List<ProtocolMessage> start() {
            List<ProtocolMessage> out = new ArrayList<>();
            if (cheats) {
                return out; // so the honest party cannot finish before it hears of the abort
            }
            out.add(new ProtocolMessage(self, ProtocolMessage.EVERYONE, ("b" + self).getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < 5; i++) {
                for (int to : set.indices()) {
                    if (to != self) {
                        out.add(new ProtocolMessage(self, to, ("p" + self + "." + i).getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            return out;
        }

        @Override
        public List<ProtocolMessage> receive(int from, byte[] payload) {
            if (cheats) {
                throw new CheatingPartyException(from, "this test says so");
            }
            got.add(from + ":" + new String(payload, StandardCharsets.UTF_8));
            return List.of();
        }

        @Override
        public Optional<List<String>> output() {
            return got.size() == 6 * (set.size() - 1) ? Optional.of(List.copyOf(got)) : Optional.empty();
        }
    }

    private static CompletableFuture<List<String>> runAsync(int node, String session, Participants set,
            boolean cheats) {
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(runs(node).run("chat", session.getBytes(StandardCharsets.UTF_8), set,
                        new Chatter(set, node + 1, cheats), TIMEOUT));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Test
    void run_threeNodes_everyMessageArrivesInTheOrderSentPerSender() throws Exception {
        Participants set = new Participants(List.of(1, 2, 3), 2);
        List<CompletableFuture<List<String>>> runs = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            runs.add(runAsync(node, "order", set, false));
        }

        for (int node = 0; node < 3; node++) {
            List<String> got = runs.get(node).get();
            for (int from : set.indices()) {
                if (from == node + 1) {
                    continue;
                }
                List<String> fromSender = got.stream().filter(s -> s.startsWith(from + ":")).toList();
                assertEquals(List.of(from + ":b" + from, from + ":p" + from + ".0", from + ":p" + from + ".1",
                        from + ":p" + from + ".2", from + ":p" + from + ".3", from + ":p" + from + ".4"), fromSender);
            }
        }
        assertEquals(0, runs(0).activeRuns());
    }

    @Test
    void run_oneNodeFindsACheater_theOtherNodesRunIsAborted() {
        Participants set = new Participants(List.of(1, 2), 2);
        CompletableFuture<List<String>> honest = runAsync(0, "abort", set, false);
        CompletableFuture<List<String>> accuser = runAsync(1, "abort", set, true);

        ExecutionException a = assertThrows(ExecutionException.class, accuser::get);
        ExecutionException h = assertThrows(ExecutionException.class, honest::get);

        assertEquals(LitErrorCode.NodeSystemFault, ((LitNodeException) a.getCause()).code());
        assertTrue(a.getCause().getMessage().contains("party 1 cheated"), a.getCause()::getMessage);
        assertTrue(h.getCause().getMessage().contains("aborted"), h.getCause()::getMessage);
    }

    @Test
    void run_beyondTheRunLimit_refusedWithNodeConcurrencyOverload() throws Exception {
        Participants set = new Participants(List.of(1, 2), 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(ProtocolRuns.MAX_RUNS);
        List<Thread> held = new ArrayList<>();
        for (int i = 0; i < ProtocolRuns.MAX_RUNS; i++) {
            byte[] id = ("held-" + i).getBytes(StandardCharsets.UTF_8);
            held.add(Thread.ofVirtual().start(() -> {
                try {
                    runs(0).run("held", id, set, new Held(started, release), Duration.ZERO);
                } catch (LitNodeException e) {
                    // the zero deadline ends each held run once released
                }
            }));
        }
        started.await();

        LitNodeException e = assertThrows(LitNodeException.class, () -> runs(0).run("held",
                "one-more".getBytes(StandardCharsets.UTF_8), set, new Held(new CountDownLatch(1), release),
                Duration.ZERO));

        assertEquals(LitErrorCode.NodeConcurrencyOverload, e.code());
        release.countDown();
        for (Thread t : held) {
            t.join();
        }
        assertEquals(0, runs(0).activeRuns());
    }

    @Test
    void run_badKindTimeoutOrSetWithoutThisNode_refusedWithInvalidArgument() {
        Participants others = new Participants(List.of(2, 3), 2);
        Participants set = new Participants(List.of(1, 2), 2);
        byte[] id = "x".getBytes(StandardCharsets.UTF_8);

        for (Runnable call : List.<Runnable>of(
                () -> runs(0).run("Bad-Kind", id, set, new Chatter(set, 1, false), TIMEOUT),
                () -> runs(0).run("chat", id, set, new Chatter(set, 1, false), Duration.ofMinutes(3)),
                () -> runs(0).run("chat", id, others, new Chatter(others, 2, false), TIMEOUT))) {
            assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitNodeException.class, call::run).code());
        }
    }

    /** Blocks in {@code start} until released, sends nothing, never finishes. */
    private record Held(CountDownLatch started, CountDownLatch release) implements RoundProtocol<String> {
        @Override
        public List<ProtocolMessage> start() {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        @Override
        public List<ProtocolMessage> receive(int from, byte[] payload) {
            return List.of();
        }

        @Override
        public Optional<String> output() {
            return Optional.empty();
        }
    }
}
