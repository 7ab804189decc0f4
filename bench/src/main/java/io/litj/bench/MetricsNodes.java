package io.litj.bench;

import io.litj.devnet.Devnet;
import io.litj.node.LitNode;
import io.litj.node.NodeConfig;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For the load drivers' metrics runs: replaces a devnet's nodes by nodes with {@code /metrics} on or off (same
 * ports, registry and data folders, one shared Lit Action engine as in the devnet, so both settings run alike), and
 * scrapes {@code /metrics} from every node while load runs, printing the {@code litj_} request counters, the
 * execute latency count and sum, and the slots in use. {@link #close()} stops the scraper and the nodes.
 */
final class MetricsNodes implements AutoCloseable {
    private final List<LitNode> nodes = new ArrayList<>();
    private final ActionRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean scraping = new AtomicBoolean();
    private Thread scraper;

    MetricsNodes(Devnet devnet, boolean metrics) {
        this.runtime = new ActionRuntime(ActionLimits.defaults());
        for (int i = 0; i < devnet.nodeUrls().size(); i++) {
            devnet.stopNode(i);
            NodeConfig config = NodeConfig.of(devnet.config().registryFile(), i, devnet.config().nodeDir(i))
                    .withMetrics(metrics);
            nodes.add(LitNode.builder(config).registry(devnet.registry()).actionRuntime(runtime).start());
        }
    }

    /** Scrapes every node every {@code period} until {@link #close()}, printing what {@link #print} prints. */
    void scrapeEvery(Duration period) {
        scraping.set(true);
        scraper = Thread.ofPlatform().daemon().name("metrics-scraper").start(() -> {
            int round = 0;
            while (scraping.get() && round < 10_000) {
                print("during load, scrape " + (++round));
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** One scrape of every node: the lines of the execute route's counters and histogram count/sum, slots. */
    void print(String when) {
        for (LitNode node : nodes) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                StringBuilder b = new StringBuilder();
                for (String line : r.body().split("\n")) {
                    if (line.startsWith("litj_requests_total{") && line.contains("route=\"execute\"")
                            || line.startsWith("litj_request_seconds_count{route=\"execute\"")
                            || line.startsWith("litj_request_seconds_sum{route=\"execute\"")
                            || line.startsWith("litj_action_slots_in_use")) {
                        b.append("\n    ").append(line);
                    }
                }
                System.out.println("metrics " + when + ", node " + node.entry().index() + " (HTTP " + r.statusCode()
                        + "):" + b);
            } catch (IOException e) {
                System.out.println("metrics " + when + ", node " + node.entry().index() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        scraping.set(false);
        if (scraper != null) {
            scraper.interrupt();
            scraper.join(10_000);
        }
        nodes.forEach(LitNode::close);
        runtime.close();
        http.close();
    }
}
