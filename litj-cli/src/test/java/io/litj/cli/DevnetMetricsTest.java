package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.node.actions.IpfsCid;
import io.litj.node.metrics.NodeMetrics;
import io.litj.node.testing.PrometheusText;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "Must show" for operations: real requests against a 3-node devnet — a wallet-session executeJs, one
 * refused with a known code, an unknown path — then {@code /metrics} scraped from every node moved by exactly the
 * expected amounts under the expected labels.
 */
class DevnetMetricsTest {
    private static final String ACTION = "LitActions.setResponse({response: 'ok'});";
    private static final String OTHER = "LitActions.setResponse({response: 'other'});";

    @TempDir
    static Path temp;
    @AutoClose
    static Devnet devnet;
    @AutoClose
    static HttpClient http;

    @BeforeAll
    static void start() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static PrometheusText scrape(String node) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(NodeMetrics.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        return PrometheusText.parse(r.body());
    }

    private static List<PrometheusText> scrapeAll() throws Exception {
        List<PrometheusText> out = new ArrayList<>();
        for (String node : devnet.nodeUrls()) {
            out.add(scrape(node));
        }
        return out;
    }

    @Test
    void realRequests_thenEveryNodesMetrics_movedByExactlyTheExpectedAmounts() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(key);
        try (LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl()))
                .sessionStore(new InMemorySessionStore()).build()) {
            client.connect();
            SessionSigs any = client.getSessionSigs(SessionRequest.of(SessionTerms.of(ResourceAbilityRequest.of(
                    LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)), wallet));
            SessionSigs narrow = client.getSessionSigs(SessionRequest.of(SessionTerms.of(ResourceAbilityRequest.of(
                    LitResource.action(IpfsCid.v0(OTHER.getBytes(StandardCharsets.UTF_8))),
                    LitAbility.LIT_ACTION_EXECUTION)), wallet));
            List<PrometheusText> before = scrapeAll();

            assertEquals("ok", client.executeJs(ExecuteJsRequest.builder().code(ACTION).sessionSigs(any).build())
                    .response());
            LitClientException refused = assertThrows(LitClientException.class, () -> client.executeJs(
                    ExecuteJsRequest.builder().code(ACTION).sessionSigs(narrow).build()));
            assertEquals("NodeResourceIdNotFound", refused.nodeErrorCode().orElseThrow());
            for (String node : devnet.nodeUrls()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node + "/no/such/path/"
                        + System.nanoTime())).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, r.statusCode());
            }
            List<PrometheusText> after = scrapeAll();

            for (int i = 0; i < devnet.nodeUrls().size(); i++) {
                PrometheusText b = before.get(i);
                PrometheusText a = after.get(i);
                String where = "node " + i;
                Map<String, String> executeOk = Map.of("route", "execute", "code", "none");
                Map<String, String> executeRefused = Map.of("route", "execute", "code", "NodeResourceIdNotFound");
                Map<String, String> unknown = Map.of("route", "unknown", "code", "NodeRouteNotFound");
                assertEquals(1, delta(a, b, "litj_requests_total", executeOk), where);
                assertEquals(1, delta(a, b, "litj_requests_total", executeRefused), where);
                assertEquals(1, delta(a, b, "litj_refusals_total", executeRefused), where);
                assertEquals(0, delta(a, b, "litj_refusals_total", executeOk), where);
                assertEquals(1, delta(a, b, "litj_requests_total", unknown), where);
                assertEquals(2, delta(a, b, "litj_request_seconds_count", Map.of("route", "execute")), where);
                assertEquals(2, delta(a, b, "litj_session_validation_seconds_count", Map.of()), where);
                assertEquals(1, delta(a, b, "litj_action_run_seconds_count", Map.of()), where);
                assertEquals(0, a.value("litj_action_slots_in_use", Map.of()), where);
                assertEquals(0, delta(a, b, "litj_capacity_refusals_total", Map.of("route", "execute")), where);
            }
        }
    }

    private static double delta(PrometheusText after, PrometheusText before, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
