package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.HttpLimits;
import io.litj.node.LitNodeException;
import io.litj.node.ecdsa.RunTransport;
import io.litj.node.http.internal.NodeRequest;
import io.litj.node.keys.X25519KeyPair;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.testing.MutableClock;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What node 0's protocol-run endpoint takes, without a network: envelopes are built and handed to the endpoint
 * directly. A message for a run not started yet waits for it; one from a node outside the run, of another kind or
 * malformed is refused with its code.
 */
class ProtocolRunsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final SessionKeyPair[] KEYS = new SessionKeyPair[3];
    private static final NodeEntry[] NODES = new NodeEntry[3];

    static {
        for (int i = 0; i < 3; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) (i + 1);
            KEYS[i] = SessionKeyPair.fromSeed(seed);
            NODES[i] = new NodeEntry(i, "127.0.0.1", 9, "0x" + "0".repeat(39) + i, KEYS[i].publicKeyHex());
        }
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryRegistry registry = new InMemoryRegistry(new NetworkInfo(31337, 1, 2,
            "0xD4507CD392Af2c80919219d7896508728f6A623F", CLOCK.instant(), 86_400), List.of(NODES));
    private final PeerClient client = new PeerClient(KEYS[0], 0, CLOCK, new SeededRandom(1));
    private final ProtocolRuns runs = new ProtocolRuns(NODES[0], registry, client, cipher(0),
            new EnvelopeVerifier(0, registry, CLOCK), executor);

    private static ShareCipher cipher(int node) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (node + 1);
        return new ShareCipher(X25519KeyPair.fromEd25519Seed(seed), new SeededRandom(10 + node));
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        client.close();
        registry.close();
    }

    private void deliver(int from, String key, String kind, String body) {
        Envelope e = Envelope.seal(KEYS[from], key, from, 0, kind, body, CLOCK, new SeededRandom(from * 1000L
                + System.nanoTime()));
        runs.endpoint().handle(new NodeRequest(e.toJson(), Map.of(), "test"));
    }

    private static String broadcast(int seq, String text) {
        return ProtocolBodies.message(seq, null, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for one message and outputs it. */
    private static final class OneMessage implements RoundProtocol<byte[]> {
        private byte[] got;

        @Override
        public List<ProtocolMessage> start() {
            return List.of();
        }

        @Override
        public List<ProtocolMessage> receive(int from, byte[] payload) {
            got = payload;
            return List.of();
        }

        @Override
        public Optional<byte[]> output() {
            return Optional.ofNullable(got);
        }
    }

    /** Broadcasts one message and outputs the first one it receives: a one-round exchange like the agreement. */
    private static final class Exchange implements RoundProtocol<byte[]> {
        private byte[] got;

        @Override
        public List<ProtocolMessage> start() {
            return List.of(new ProtocolMessage(1, ProtocolMessage.EVERYONE, new byte[] {7}));
        }

        @Override
        public List<ProtocolMessage> receive(int from, byte[] payload) {
            got = payload;
            return List.of();
        }

        @Override
        public Optional<byte[]> output() {
            return Optional.ofNullable(got);
        }
    }

    @Test
    void run_outputReadyOnceTheEarlyMessagesAreIn_returnsWithoutWaitingForItsLastMessageToBeTaken() {
        byte[] sessionId = "last".getBytes(StandardCharsets.UTF_8);
        String key = ProtocolRuns.key("xchg", sessionId);
        deliver(1, key, ProtocolRuns.MESSAGE, broadcast(0, "hi"));

        // node 1 (127.0.0.1:9) takes no connection: waiting for its acknowledgement would fail the run
        byte[] got = runs.run("xchg", sessionId, new Participants(List.of(1, 2), 2), new Exchange(),
                Duration.ofSeconds(30));

        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), got);
    }

    @Test
    void run_aSealedMessageThatArrivedBeforeTheRunStarted_isDeliveredToIt() {
        byte[] sessionId = "early".getBytes(StandardCharsets.UTF_8);
        String key = ProtocolRuns.key("one", sessionId);
        deliver(1, key, ProtocolRuns.MESSAGE, ProtocolBodies.message(0, plain -> cipher(1).sealBytes(
                ProtocolBodies.SEAL_PURPOSE, key, NODES[1], NODES[0], plain), new byte[] {4, 2}));

        byte[] got = runs.run("one", sessionId, new Participants(List.of(1, 2), 2), new OneMessage(),
                Duration.ofSeconds(5));

        assertArrayEquals(new byte[] {4, 2}, got);
    }

    @Test
    void run_aSealedMessageOfTheLargestPayload_fitsTheRouteBodyLimitAndIsDelivered() {
        byte[] sessionId = "largest".getBytes(StandardCharsets.UTF_8);
        String key = ProtocolRuns.key("one", sessionId);
        byte[] payload = new byte[RunTransport.MAX_PAYLOAD_BYTES];
        payload[payload.length - 1] = 7;
        String body = ProtocolBodies.message(0, plain -> cipher(1).sealBytes(ProtocolBodies.SEAL_PURPOSE, key,
                NODES[1], NODES[0], plain), payload);
        Envelope e = Envelope.seal(KEYS[1], key, 1, 0, ProtocolRuns.MESSAGE, body, CLOCK, new SeededRandom(5));
        assertTrue(JsJson.stringify(e.toJson()).length() <= HttpLimits.PROTOCOL_BODY_BYTES);
        runs.endpoint().handle(new NodeRequest(e.toJson(), Map.of(), "test"));

        byte[] got = runs.run("one", sessionId, new Participants(List.of(1, 2), 2), new OneMessage(),
                Duration.ofSeconds(5));

        assertArrayEquals(payload, got);
    }

    @Test
    void receive_fromANodeOutsideTheRun_refusedWithNodeNotAuthorized() throws Exception {
        byte[] sessionId = "two-party".getBytes(StandardCharsets.UTF_8);
        String key = ProtocolRuns.key("one", sessionId);
        CompletableFuture<byte[]> run = CompletableFuture.supplyAsync(() -> runs.run("one", sessionId,
                new Participants(List.of(1, 2), 2), new OneMessage(), Duration.ofSeconds(30)), executor);
        while (runs.activeRuns() == 0) {
            Thread.onSpinWait();
        }

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> deliver(2, key, ProtocolRuns.MESSAGE, broadcast(0, "x")));

        assertEquals(LitErrorCode.NodeNotAuthorized, e.code());
        deliver(1, key, ProtocolRuns.MESSAGE, broadcast(0, "ok"));
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), run.get());
    }

    @Test
    void receive_otherKindOrRunKeyOrMalformedBody_refusedWithNodeBadInput() {
        String key = ProtocolRuns.key("one", new byte[] {1});
        for (String[] bad : List.of(
                new String[] {key, "dkg.round1", broadcast(0, "x")},
                new String[] {"Not-A-Run", ProtocolRuns.MESSAGE, broadcast(0, "x")},
                new String[] {key, ProtocolRuns.MESSAGE, "{\"seq\":0}"},
                new String[] {key, ProtocolRuns.MESSAGE, "{\"seq\":-1,\"data\":\"AA==\"}"},
                new String[] {key, ProtocolRuns.MESSAGE, "{\"seq\":0,\"data\":\"AA==\",\"extra\":1}"})) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> deliver(1, bad[0], bad[1], bad[2]));
            assertEquals(LitErrorCode.NodeBadInput, e.code(), e::getMessage);
        }
    }
}
