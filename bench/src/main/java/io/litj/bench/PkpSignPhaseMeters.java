package io.litj.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For {@link PkpSignLoadDriver}: reads every node's {@code litj_pkp_sign_phase_seconds{phase}} count and sum from
 * {@code /metrics}, so that a run's node-side split is the difference of two snapshots: per phase, how many times it
 * ran on all nodes together and its mean duration. Only the nodes' own meters are read; nothing is timed here.
 * {@link #settle} waits until the nodes' background refills have stopped adding presignatures.
 */
final class PkpSignPhaseMeters implements AutoCloseable {
    private static final Pattern UNUSED = Pattern.compile("^litj_presignatures_unused ([0-9.eE+-]+)$");
    private static final Pattern LINE = Pattern.compile(
            "^litj_pkp_sign_phase_seconds_(count|sum)\\{[^}]*phase=\"([a-z_]+)\"[^}]*} ([0-9.eE+-]+)$");
    private final List<String> nodeUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Phase totals over all nodes: how many times a phase ran and the seconds it took in all. */
    record Totals(Map<String, double[]> byPhase) {
        /** {@code phase n=… mean=… ms} per phase that ran between {@code before} and this snapshot. */
        String since(Totals before) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, double[]> e : byPhase.entrySet()) {
                double[] was = before.byPhase.getOrDefault(e.getKey(), new double[2]);
                double n = e.getValue()[0] - was[0];
                if (n > 0) {
                    b.append(String.format(" %s n=%.0f mean=%.2f ms;", e.getKey(), n,
                            (e.getValue()[1] - was[1]) * 1000 / n));
                }
            }
            return b.isEmpty() ? " (no phase recorded)" : b.toString();
        }
    }

    PkpSignPhaseMeters(List<String> nodeUrls) {
        this.nodeUrls = List.copyOf(nodeUrls);
    }

    /**
     * Waits until the unused presignatures of all nodes ({@code litj_presignatures_unused}, summed) stayed the same
     * for 4 scrapes 500 ms apart, at most {@code maxPolls} scrapes; returns {@code N unused presignatures after S s}.
     */
    String settle(int maxPolls) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        double last = -1;
        int same = 0;
        for (int i = 0; i < maxPolls && same < 4; i++) {
            double now = 0;
            for (String body : scrapeAll()) {
                for (String line : body.split("\n")) {
                    Matcher m = UNUSED.matcher(line);
                    if (m.matches()) {
                        now += Double.parseDouble(m.group(1));
                    }
                }
            }
            same = now == last ? same + 1 : 0;
            last = now;
            Thread.sleep(500);
        }
        return String.format("%.0f unused presignatures%s after %.1f s", last, same < 4 ? " (still changing)" : "",
                (System.nanoTime() - t0) / 1e9);
    }

    private List<String> scrapeAll() throws IOException, InterruptedException {
        List<String> bodies = new ArrayList<>(nodeUrls.size());
        for (String url : nodeUrls) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(url + "/metrics answered HTTP " + r.statusCode());
            }
            bodies.add(r.body());
        }
        return bodies;
    }

    /** One scrape of every node, summed. */
    Totals snapshot() throws IOException, InterruptedException {
        Map<String, double[]> sums = new TreeMap<>();
        for (String body : scrapeAll()) {
            for (String line : body.split("\n")) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    double[] t = sums.computeIfAbsent(m.group(2), k -> new double[2]);
                    t[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
                }
            }
        }
        return new Totals(sums);
    }

    @Override
    public void close() {
        http.close();
    }
}
