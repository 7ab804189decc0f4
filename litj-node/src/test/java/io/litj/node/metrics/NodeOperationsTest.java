package io.litj.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNode;
import io.litj.node.NodeConfig;
import io.litj.node.ChainConfig;
import io.litj.node.http.internal.HealthEndpoint;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.node.testing.PrometheusText;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, operations on a running 2-node network: {@code /health} before and after the network key,
 * {@code /metrics} per node with labels only from the route table and the error codes (100 random paths add no
 * label value), fixed histogram buckets, the request-id rules, and a node with metrics turned off.
 */
class NodeOperationsTest {
    private static final String REQUESTS = "litj_requests_total";
    /** Every route name the node registers (LitNode, PeerService, RevocationPeers), plus the two fallbacks. */
    private static final Set<String> ROUTE_NAMES = Set.of("admin-dkg", "admin-dkg-status", "encryption_sign",
            "execute", "handshake", "health", "litj_health", "metrics", "peer-dkg", "peer-protocol", "peer-revocation",
            "pkp_sign", "revoke", "sign_session_key", "signing_acc", NodeMetrics.UNKNOWN_ROUTE, NodeMetrics.UNROUTED);

    @TempDir
    static Path dir;
    private static NodeNetwork net;
    private static NodeHttp http;
    private static JsonValue.JsonObject healthBeforeKey;
    private static int healthStatusBeforeKey;
    private static JsonValue.JsonObject livenessBeforeKey;

    @BeforeAll
    static void start() {
        net = NodeNetwork.startWithoutNetworkKey(dir, 2, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")),
                NodeNetwork.QUICK_LIMITS, ChainConfig.none());
        http = net.http();
        Reply before = http.get(net.url(0) + "/health");
        healthStatusBeforeKey = before.status();
        healthBeforeKey = before.json();
        livenessBeforeKey = http.get(net.url(0) + "/litj/health").json();
        net.makeNetworkKey();
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static PrometheusText scrape(int node) {
        Reply r = http.get(net.url(node) + "/metrics");
        assertEquals(200, r.status(), r::toString);
        assertEquals(NodeMetrics.CONTENT_TYPE, r.header("Content-Type").orElseThrow());
        return PrometheusText.parse(r.text());
    }

    @Test
    void health_beforeTheNetworkKey_isNotReadyAndSaysWhy() {
        assertEquals(503, healthStatusBeforeKey);
        assertEquals("not_ready", ((JsonValue.JsonString) healthBeforeKey.get("status").orElseThrow()).value());
        assertEquals(new JsonValue.JsonArray(List.of(new JsonValue.JsonString(HealthEndpoint.NO_NETWORK_KEY))),
                healthBeforeKey.get("reasons").orElseThrow());
        assertEquals("ok", ((JsonValue.JsonString) livenessBeforeKey.get("status").orElseThrow()).value());
        assertEquals(new JsonValue.JsonBoolean(false), livenessBeforeKey.get("ready").orElseThrow());
    }

    @Test
    void health_afterTheNetworkKey_isReadyOnEveryNode() {
        for (int i = 0; i < 2; i++) {
            Reply r = http.get(net.url(i) + "/health");
            assertEquals(200, r.status(), r::toString);
            assertEquals("ready", r.string("status"));
            assertEquals(new JsonValue.JsonArray(List.of()), r.member("reasons"));
            assertEquals(net.registry().nodes().get(i).address(), r.string("node"));
        }
    }

    @Test
    void metrics_hundredRandomPaths_foldIntoOneLabelAndAddNoLabelValue() {
        PrometheusText before = scrape(1);
        Random random = new Random(14);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~";
        for (int i = 0; i < 100; i++) {
            StringBuilder path = new StringBuilder("/");
            for (int j = 0, n = 1 + random.nextInt(40); j < n; j++) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
                if (random.nextInt(8) == 0) {
                    path.append('/');
                }
            }
            Reply r = i % 2 == 0 ? http.get(net.url(1) + path) : http.post(net.url(1) + path, "{}");
            assertEquals(LitErrorCode.NodeRouteNotFound.wireName(), r.errorCode(), r::toString);
        }
        PrometheusText after = scrape(1);

        Map<String, String> unknown = Map.of("route", NodeMetrics.UNKNOWN_ROUTE, "code", "NodeRouteNotFound");
        assertEquals(100, after.value(REQUESTS, unknown) - before.value(REQUESTS, unknown));
        assertEquals(100, after.value("litj_refusals_total", unknown) - before.value("litj_refusals_total", unknown));
        Set<String> routes = after.labelValues(REQUESTS, "route");
        assertTrue(ROUTE_NAMES.containsAll(routes), routes.toString());
        for (String name : after.names()) {
            for (PrometheusText.Sample s : after.samples(name)) {
                assertTrue(s.labels().values().stream().allMatch(v -> v.length() <= 40 && !v.contains("/")),
                        name + s.labels());
            }
        }
    }

    @Test
    void metrics_latencyHistograms_haveTheFixedBuckets() {
        http.post(net.url(0) + "/web/handshake", "{\"clientPublicKey\":\"x\",\"challenge\":\"0x12\"}");
        PrometheusText page = scrape(0);

        long buckets = page.samples("litj_request_seconds_bucket").stream()
                .filter(s -> "handshake".equals(s.labels().get("route"))).count();
        assertEquals(NodeMetrics.BUCKETS.length + 1, buckets, "the fixed bounds plus +Inf");
        assertTrue(page.value("litj_action_slots_size", Map.of()) > 0);
        assertTrue(page.names().contains("litj_action_slots_in_use"));
        assertTrue(page.names().contains("litj_presignatures_unused"));
        assertTrue(page.names().contains("litj_session_validation_seconds_count"));
        assertTrue(page.names().contains("litj_action_run_seconds_count"));
    }

    @Test
    void metrics_eachNodeCountsOnlyItsOwnRequests() {
        Map<String, String> handshake = Map.of("route", "handshake", "code", "none");
        double node0 = scrape(0).value(REQUESTS, handshake);
        double node1 = scrape(1).value(REQUESTS, handshake);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.post(net.url(0) + "/web/handshake", "{\"clientPublicKey\":\"x\",\"challenge\":"
                    + "\"0x12\"}").status());
        }
        assertEquals(node0 + 3, scrape(0).value(REQUESTS, handshake));
        assertEquals(node1, scrape(1).value(REQUESTS, handshake));
    }

    @Test
    void requestId_wellFormed_isEchoed_otherwiseReplaced() {
        Reply ok = http.post(net.url(0) + "/web/handshake", "{}", "X-Request-Id", "lit_0a1b2c3d4e5f6");
        assertEquals("lit_0a1b2c3d4e5f6", ok.header("X-Correlation-Id").orElseThrow());
        for (String bad : List.of("a\"b", "{\"level\":\"ERROR\"}", "x".repeat(129), "a b", "é")) {
            Reply r = http.post(net.url(0) + "/web/handshake", "{}", "X-Request-Id", bad);
            String id = r.header("X-Correlation-Id").orElseThrow();
            assertTrue(id.matches("litj_[0-9a-f]+"), bad + " -> " + id);
        }
    }

    @Test
    void metrics_turnedOff_hasNoRouteAndTheNodeServes() {
        net.stopNode(1);
        NodeConfig off = net.nodeConfig(1, NodeConfig.DEFAULT_MAX_BODY_BYTES).withMetrics(false);
        try (LitNode node = LitNode.builder(off).registry(net.registry()).start()) {
            Reply r = http.get(node.url() + "/metrics");
            assertEquals(LitErrorCode.NodeRouteNotFound.wireName(), r.errorCode(), r::toString);
            assertEquals(200, http.get(node.url() + "/health").status());
        } finally {
            net.startNode(1);
        }
        assertFalse(scrape(1).names().isEmpty());
    }
}
