package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.node.metrics.NodeMetrics;
import io.litj.node.testing.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the tests that scrape a devnet's {@code /metrics} share: one scrape per node, and what a meter moved by. */
public final class MetricsScrapes {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MetricsScrapes() {
    }

    /** {@code GET <node>/metrics}, which must answer 200 in the Prometheus text format. */
    public static PrometheusText scrape(HttpClient http, String node) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node + "/metrics")).timeout(TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(NodeMetrics.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        return PrometheusText.parse(r.body());
    }

    /** A scrape of each of {@code nodes}, in order. */
    public static List<PrometheusText> scrapeAll(HttpClient http, List<String> nodes)
            throws IOException, InterruptedException {
        List<PrometheusText> out = new ArrayList<>();
        for (String node : nodes) {
            out.add(scrape(http, node));
        }
        return out;
    }

    /** How much the sample {@code name} with {@code labels} moved from {@code before} to {@code after}. */
    public static double delta(PrometheusText after, PrometheusText before, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
