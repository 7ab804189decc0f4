package io.litj.bench;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load driver: {@code executeJs} round trips from the Java SDK to an in-process 3-node devnet (all on this machine).
 * Phase 1 measures latency one request at a time (p50/p99), phase 2 throughput with several requests in flight.
 * Usage: {@code ExecuteJsLoadDriver [requests=2000] [concurrency=8] [warmup=500] [capacity|metrics-on|metrics-off]};
 * with {@code capacity} the nodes require capacity credits in allocation mode ({@code litj devnet up
 * --require-capacity}) and the wallet holds one credit that never runs full, so every call also pays the capacity
 * check. With {@code metrics-on} / {@code metrics-off} the devnet's nodes are replaced by nodes with {@code /metrics}
 * on or off ({@link MetricsNodes}) to compare the cost; with {@code metrics-on} {@code /metrics} is also scraped
 * every second during the concurrent phase and the counters printed.
 */
public final class ExecuteJsLoadDriver {
    private static final String ACTION = "LitActions.setResponse({response: 'ok:' + n});";

    private ExecuteJsLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        boolean capacity = args.length > 3 && args[3].equals("capacity");
        String metrics = args.length > 3 && args[3].startsWith("metrics-") ? args[3] : "";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path data = Files.createTempDirectory("litj-load-");
        DevnetConfig config = DevnetConfig.defaults(data).withPorts(0, 0);
        if (capacity) {
            config = config.withCapacity(CapacityLimits.of(CapacityMode.ALLOCATION));
        }
        try (Devnet devnet = Devnet.start(config, Clock.systemUTC(), new SecureRandom());
             MetricsNodes nodes = metrics.isEmpty() ? null : new MetricsNodes(devnet, metrics.equals("metrics-on"));
             LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl()))
                     .sessionStore(new InMemorySessionStore()).build()) {
            client.connect();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(key);
            if (capacity) {
                devnet.mintCapacityCredit(wallet.address(), 1_000_000_000L, Clock.systemUTC().instant()
                        .plus(java.time.Duration.ofDays(1)));
            }
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(ResourceAbilityRequest.of(
                    LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)), wallet));
            ExecuteJsRequest request = ExecuteJsRequest.builder().code(ACTION)
                    .jsParams(io.litj.protocol.json.JsonValue.object().put("n", "1").build()).sessionSigs(sigs)
                    .build();
            for (int i = 0; i < warmup; i++) {
                client.executeJs(request);
            }
            long[] latencies = new long[requests];
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                client.executeJs(request);
                latencies[i] = System.nanoTime() - t0;
            }
            Arrays.sort(latencies);
            System.out.printf("capacity %s%s; sequential: %d requests, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    capacity ? "allocation" : "off", metrics.isEmpty() ? "" : ", " + metrics, requests, ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                    latencies[requests - 1] / 1e6);
            if (nodes != null && metrics.equals("metrics-on")) {
                nodes.scrapeEvery(java.time.Duration.ofSeconds(1));
            }
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> client.executeJs(request)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            if (nodes != null && metrics.equals("metrics-on")) {
                nodes.print("after load");
            }
            System.out.printf("concurrent (%d in flight): %d requests in %.2f s = %.0f req/s (each fans out to 3 "
                    + "nodes)%n", concurrency, requests, seconds, requests / seconds);
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
