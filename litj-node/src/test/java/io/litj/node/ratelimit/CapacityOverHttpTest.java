package io.litj.node.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.registry.CapacityCredit;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.SingleNode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in allocation mode over HTTP: {@code /web/execute} without a credit answers Datil's exact 402 body, then
 * runs once the caller holds a credit, until the credit is full; the node keeps serving, and its health says the mode.
 */
class CapacityOverHttpTest {
    private static final String ACTION = "Lit.Actions.setResponse({response:'paid'})";
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    static Path dir;

    private final MutableClock clock = new MutableClock(T0);
    @AutoClose
    private final NodeHttp http = new NodeHttp();
    @AutoClose
    private final SingleNode node = SingleNode.start(dir.resolve("n" + System.nanoTime()),
            CapacityLimits.of(CapacityMode.ALLOCATION), clock);

    private NodeHttp.Reply execute() {
        LiveSessions sessions = new LiveSessions(clock);
        AuthSig sig = sessions.anyAction(List.of(node.url())).forNode(node.url()).orElseThrow().toAuthSig();
        return http.post(node.url() + "/web/execute/v1", ExecuteBodies.code(ACTION, JsonValue.JsonObject.empty(), sig));
    }

    @Test
    void execute_noCredit_402WithDatilsExactBody_thenACreditPays_untilFull() {
        NodeHttp.Reply refused = execute();
        assertEquals(402, refused.status());
        assertEquals("{\"message\":\"Rate limit exceeded.  Try again later.\",\"errorCode\":\"rate_limit_exceeded\"}",
                refused.text());

        node.registry().addCapacityCredit(new CapacityCredit("1", new LiveSessions(clock).wallet().address(), 2,
                T0.plus(Duration.ofDays(1))));
        for (int i = 0; i < 2; i++) {
            NodeHttp.Reply ok = execute();
            assertEquals(200, ok.status(), ok.text());
            assertEquals("paid", ok.string("response"));
        }
        NodeHttp.Reply full = execute();
        assertEquals(402, full.status());
        assertTrue(full.text().matches("\\{\"message\":\"Rate limit exceeded\\.  Try again at "
                + "2026-02-01T00:1[67]:[0-9]{2}Z\",\"errorCode\":\"rate_limit_exceeded\"}"), full.text());
    }

    @Test
    void health_saysTheMode() {
        assertEquals("allocation", http.get(node.url() + "/litj/health").string("capacityMode"));
    }
}
