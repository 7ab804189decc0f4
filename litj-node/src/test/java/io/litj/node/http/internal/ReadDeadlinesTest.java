package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.HttpLimits;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.RawConnection;
import io.litj.node.testing.SingleNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read deadline on a running node whose read timeout is {@value #READ_MS} ms: a request whose headers or body
 * stall or trickle has its connection closed by the node, which keeps serving everyone else; a request that arrived
 * in time is never cut afterwards. The 10 s bound of {@link RawConnection} only guards against a hang.
 */
class ReadDeadlinesTest {
    private static final long READ_MS = 800;
    private static final String HEALTH = "GET /litj/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @TempDir
    static Path dir;

    private static SingleNode node;
    private static NodeHttp http;

    @BeforeAll
    static void start() {
        node = SingleNode.start(dir, new HttpLimits(64, 64, Duration.ofSeconds(60), Duration.ofMillis(READ_MS)));
        http = new NodeHttp();
    }

    @AfterAll
    static void stop() {
        try {
            if (http != null) {
                http.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void body_stalledAfterItsFirstBytes_connectionClosedWithoutAnswerWhileOthersAreServed() {
        try (RawConnection stalled = RawConnection.open(node.uri())) {
            stalled.send("POST /web/handshake HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"clientPu");

            assertEquals(200, http.get(node.url() + "/litj/health").status());
            assertEquals("", stalled.awaitClosedByNode());
        }
        assertEquals(200, http.get(node.url() + "/litj/health").status());
    }

    @Test
    void body_trickledFasterThanTheTimeoutPerByte_connectionClosed() throws InterruptedException {
        try (RawConnection trickled = RawConnection.open(node.uri())) {
            trickled.send("POST /web/handshake HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n");
            Thread trickler = trickle(trickled, "a");
            try {
                assertEquals("", trickled.awaitClosedByNode());
            } finally {
                trickler.interrupt();
                trickler.join();
            }
        }
        assertEquals(200, http.get(node.url() + "/litj/health").status());
    }

    @Test
    void headers_trickled_connectionClosed() throws InterruptedException {
        try (RawConnection trickled = RawConnection.open(node.uri())) {
            trickled.send("POST /web/handshake HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            Thread trickler = trickle(trickled, "z");
            try {
                assertEquals("", trickled.awaitClosedByNode());
            } finally {
                trickler.interrupt();
                trickler.join();
            }
        }
        assertEquals(200, http.get(node.url() + "/litj/health").status());
    }

    @Test
    void keepAlive_requestThatArrivedInTime_connectionNotCutAfterTheTimeout() {
        try (RawConnection c = RawConnection.open(node.uri())) {
            assertEquals(200, c.send(HEALTH).readAnswer().status());

            assertTrue(c.silentFor(Duration.ofMillis(3 * READ_MS)), "the node spoke or closed the connection");
            assertEquals(200, c.send(HEALTH).readAnswer().status());
        }
    }

    /** A daemon thread that sends {@code text} every 100 ms (well inside the timeout) until the socket fails. */
    private static Thread trickle(RawConnection c, String text) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!stop.get()) {
                    c.send(text);
                    Thread.sleep(100);
                }
            } catch (UncheckedIOException | InterruptedException e) {
                // the node closed the connection, or the test is over
            }
        });
        return t;
    }
}
