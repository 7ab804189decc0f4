package io.litj.cli;

import static io.litj.cli.MetricsScrapes.delta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.testing.PrometheusText;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's operations as the unmodified JS SDK 7.4.0 sees them: {@code interop/devnet-flows.mjs} runs against a
 * 3-node devnet started in its own process with {@code LITJ_LOG_FORMAT=json}, and lists every request the SDK sent
 * to a node with the {@code X-Request-Id} it chose. Then each node's {@code /metrics} moved by exactly those requests
 * (handshakes and executeJs, by route, one executeJs refused with {@code NodeResourceIdNotFound}), and each id the
 * SDK sent is on that node's JSON log line for the request, with the node's index.
 *
 * <p>Without Node.js or {@code interop/} the test is skipped with the reason, or fails when {@code CI} is set.
 */
class JsSdkOperationsTest {
    private static final String SCRIPT = "devnet-flows.mjs";
    /** Hardhat account #4, a test wallet. */
    private static final String WALLET_KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    /** The routes (metric label) of the node paths the SDK's flows post to. */
    private static final Map<String, String> ROUTES = Map.of("/web/handshake", "handshake", "/web/handshake/",
            "handshake", "/web/execute/v1", "execute", "/web/execute", "execute");
    private static final String REQUESTS = "litj_requests_total";
    private static final String REFUSALS = "litj_refusals_total";
    private static final String SECONDS = "litj_request_seconds_count";
    private static final String REFUSED_FLOW = "cidSessionMainCode";

    @TempDir
    Path temp;

    @Test
    void sdkRequests_moveEveryNodesMetricsByExactlyThemselves_andTheirIdsAreOnTheNodesJsonLogLines()
            throws Exception {
        NodeJs.requireScripts();
        JsonValue.JsonObject doc;
        List<PrometheusText> before;
        List<PrometheusText> after;
        List<String> nodes;
        List<JsonValue.JsonObject> lines;
        try (JsonLogDevnet devnet = JsonLogDevnet.start(temp);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            nodes = devnet.nodeUrls();
            before = MetricsScrapes.scrapeAll(http, nodes);
            doc = JsonReader.parseObject(NodeJs.runScript(SCRIPT, "--rpc-url", devnet.rpcUrl(), "--block-hash-url",
                    devnet.blockHashUrl(), "--wallet-key", WALLET_KEY), LitErrorCode.NodeParserError, SCRIPT);
            after = MetricsScrapes.scrapeAll(http, nodes);
            devnet.close();
            lines = devnet.logLines();
        }
        JsonValue.JsonObject refused = member(member(doc, "flows"), REFUSED_FLOW);
        assertEquals(LitErrorCode.NodeResourceIdNotFound.wireName(), JsonLogDevnet.text(member(refused, "error"),
                "errorCode"), JsJson.stringify(refused));
        List<JsonValue.JsonObject> sent = ((JsonValue.JsonArray) doc.get("nodeRequests").orElseThrow()).items()
                .stream().map(v -> (JsonValue.JsonObject) v).toList();

        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            List<JsonValue.JsonObject> mine = sent.stream().filter(r -> JsonLogDevnet.text(r, "node").equals(node))
                    .toList();
            long handshakes = count(mine, "handshake");
            long executes = count(mine, "execute");
            String where = "node " + i + ", the SDK sent " + handshakes + " handshakes and " + executes + " executeJs";
            assertTrue(handshakes >= 2 && executes >= 5, where); // two clients connect; five executeJs flows
            assertEquals(mine.size(), handshakes + executes, () -> "a path without a route here: " + mine);
            PrometheusText a = after.get(i);
            PrometheusText b = before.get(i);
            assertEquals(handshakes, delta(a, b, REQUESTS, Map.of("route", "handshake", "code", "none")), where);
            assertEquals(handshakes, delta(a, b, SECONDS, Map.of("route", "handshake")), where);
            assertEquals(executes, delta(a, b, SECONDS, Map.of("route", "execute")), where);
            assertEquals(executes - 1, delta(a, b, REQUESTS, Map.of("route", "execute", "code", "none")), where);
            Map<String, String> refusal = Map.of("route", "execute", "code", "NodeResourceIdNotFound");
            assertEquals(1, delta(a, b, REQUESTS, refusal), where);
            assertEquals(1, delta(a, b, REFUSALS, refusal), where);

            for (JsonValue.JsonObject request : mine) {
                String id = JsonLogDevnet.text(request, "requestId");
                assertTrue(id.matches("lit_[0-9a-f]+"), "the SDK's own id form: " + id);
                String route = ROUTES.get(JsonLogDevnet.text(request, "path"));
                String nodeIndex = Integer.toString(i);
                assertTrue(lines.stream().anyMatch(o -> JsonLogDevnet.text(o, "requestId").equals(id)
                        && JsonLogDevnet.text(o, "node").equals(nodeIndex)
                        && JsonLogDevnet.text(o, "message").startsWith(route + " " + id + " -> ")),
                        () -> "no line of node " + nodeIndex + " for the SDK's " + route + " " + id);
            }
        }
        assertFalse(sent.isEmpty());
    }

    private static long count(List<JsonValue.JsonObject> requests, String route) {
        return requests.stream().filter(r -> route.equals(ROUTES.get(JsonLogDevnet.text(r, "path")))).count();
    }

    private static JsonValue.JsonObject member(JsonValue.JsonObject o, String name) {
        return (JsonValue.JsonObject) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in "
                + JsJson.stringify(o)));
    }
}
