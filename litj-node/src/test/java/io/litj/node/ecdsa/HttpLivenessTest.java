package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.litj.node.registry.NodeEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Health answers off the request path: a call about one node also refreshes, in the background, the other nodes
 * whose answers are getting old, so that a later request about them needs no answer on its path. Time is a fake
 * monotonic clock; waiting is for the background answers to arrive (bounded), never for time to pass.
 */
class HttpLivenessTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void isLive_aboutOneNode_refreshesTheOthersInTheBackground_soALaterCallFindsThemFresh() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/litj/health", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        NodeEntry a = new NodeEntry(0, "127.0.0.1", port, "0x" + "0".repeat(40), "00".repeat(32));
        NodeEntry b = new NodeEntry(1, "127.0.0.1", port, "0x" + "0".repeat(39) + "1", "11".repeat(32));
        AtomicLong now = new AtomicLong(100 * SECOND);
        try (HttpLiveness liveness = new HttpLiveness(now::get)) {
            assertTrue(liveness.isLive(a));
            assertTrue(liveness.isLive(b));
            awaitHits(hits, 2);

            now.addAndGet(3 * SECOND / 2); // both answers 1.5 s old: still live, and both asked again
            assertTrue(liveness.isLive(a));
            awaitHits(hits, 4);
            awaitRecorded(liveness); // the server counts a hit before its answer reaches the liveness

            server.stop(0);
            now.addAndGet(SECOND); // b's first answer is 2.5 s old, its background one 1 s
            assertTrue(liveness.isLive(b), "b's background answer counts: no health answer on this call's path");

            now.addAndGet(2 * SECOND); // every answer older than REMEMBER: asked on the path, and down
            assertFalse(liveness.isLive(b));
        } finally {
            server.stop(0);
        }
    }

    private static void awaitRecorded(HttpLiveness liveness) throws InterruptedException {
        for (int i = 0; i < 1000 && liveness.refreshing(); i++) {
            Thread.sleep(10);
        }
        assertFalse(liveness.refreshing(), "background health answers still awaited");
    }

    private static void awaitHits(AtomicInteger hits, int n) throws InterruptedException {
        for (int i = 0; i < 1000 && hits.get() < n; i++) {
            Thread.sleep(10);
        }
        assertTrue(hits.get() >= n, "health answers: " + hits.get() + ", expected " + n);
    }
}
