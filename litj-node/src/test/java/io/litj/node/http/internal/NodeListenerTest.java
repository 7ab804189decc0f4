package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.HttpLimits;
import io.litj.node.testing.RawConnection;
import io.litj.node.testing.SingleNode;
import io.litj.protocol.LitErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection limits of a node's listener, each on a node of its own configured with small limits: connections
 * beyond {@code maxTcpConnections} are not served until one closes, idle connections are closed after
 * {@code idleTimeout}, and requests beyond {@code maxConcurrentRequests} are refused at once with the JSON error
 * body. Only raw sockets talk to these nodes, so no pooled connection takes a slot unseen. Bounds of 10 s only guard
 * against hangs; the one short wait ({@link RawConnection#silentFor}) asserts an absence, which no slowness can fake.
 */
class NodeListenerTest {
    private static final String HEALTH = "GET /litj/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void maxTcpConnections_allHeld_nextConnectionUnservedUntilOneCloses() {
        List<RawConnection> held = new ArrayList<>();
        try (SingleNode node = SingleNode.start(dir, new HttpLimits(3, 64, LONG, LONG))) {
            try {
                for (int i = 0; i < 3; i++) {
                    RawConnection c = RawConnection.open(node.uri());
                    held.add(c);
                    assertEquals(200, c.send(HEALTH).readAnswer().status());
                }
                try (RawConnection excess = RawConnection.open(node.uri())) {
                    excess.send(HEALTH);

                    assertTrue(excess.silentFor(Duration.ofSeconds(1)), "a 4th connection was served");
                    held.removeFirst().close();
                    assertEquals(200, excess.readAnswer().status());
                }
            } finally {
                held.forEach(RawConnection::close);
            }
        }
    }

    @Test
    void idleTimeout_connectionsHoldingEverySlot_closedByTheNodeThenTheWaitingRequestIsServed() {
        try (SingleNode node = SingleNode.start(dir, new HttpLimits(2, 64, Duration.ofSeconds(1), LONG));
                RawConnection first = RawConnection.open(node.uri());
                RawConnection second = RawConnection.open(node.uri())) {
            assertEquals(200, first.send(HEALTH).readAnswer().status());
            assertEquals(200, second.send(HEALTH).readAnswer().status());
            try (RawConnection waiting = RawConnection.open(node.uri())) {
                waiting.send(HEALTH);

                first.awaitClosedByNode();
                second.awaitClosedByNode();
                assertEquals(200, waiting.readAnswer().status());
            }
        }
    }

    @Test
    void maxConcurrentRequests_oneInProgress_nextRefused429NodeConcurrencyOverloadThenServed() {
        String body = "{\"clientPublicKey\":\"test\"}";
        try (SingleNode node = SingleNode.start(dir, new HttpLimits(64, 1, LONG, LONG));
                RawConnection inProgress = RawConnection.open(node.uri())) {
            inProgress.send("POST /web/handshake HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            assertEquals(100, inProgress.readAnswer().status(), "the node reads the body: the request holds its slot");

            try (RawConnection refused = RawConnection.open(node.uri())) {
                RawConnection.Answer a = refused.send(HEALTH).readAnswer();

                assertEquals(429, a.status(), a::toString);
                assertTrue(a.body().contains("\"errorCode\":\"" + LitErrorCode.NodeConcurrencyOverload.wireName()
                        + "\""), a::toString);
                assertTrue(a.body().contains("\"errorKind\":\"Unexpected\""), a::toString);
                refused.awaitClosedByNode();
            }
            assertEquals(200, inProgress.send(body).readAnswer().status());
            inProgress.awaitClosedByNode();
            try (RawConnection after = RawConnection.open(node.uri())) {
                assertEquals(200, after.send(HEALTH).readAnswer().status());
            }
        }
    }
}
