package io.litj.bench;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load driver (issue 8): replays the exact request bytes the unmodified JS SDK 7.4.0 sends for one
 * {@code executeJs} ({@code interop/capture-execute.mjs}), one call at a time, and times it side by side with the
 * Java SDK's {@code executeJs} of the same action on the same devnet, in interleaved blocks.
 *
 * <p>By default it starts a 3-node devnet in this JVM, runs the capture script against it (Node.js, from
 * {@code interop/}), then measures. With {@code --capture FILE} it replays an existing capture against the devnet
 * the capture was made on (still running; the session sigs name its node URLs and expire 24 h after the capture),
 * and the Java SDK column is left out. A replayed call writes each node's recorded bytes on a kept-alive socket per
 * node (as undici does), all nodes at once, and reads the three answers; each must be HTTP 200 with
 * {@code "success":true}. Reported per kind: p50/p90/p99/max, sequential req/s, per-block p50 spread and this
 * process's CPU per call (devnet + driver when the devnet is in this JVM).
 *
 * <p>Usage: {@code JsSdkReplayDriver [--capture FILE] [--blocks 10] [--per-block 200] [--warmup 500]
 * [--java-sdk true] [--verbose false]} ({@code --java-sdk false}: replay only; {@code --verbose true}: one line per
 * block on stderr).
 */
public final class JsSdkReplayDriver {
    private static final String ACTION = "Lit.Actions.setResponse({response:\"1\"})";

    private static boolean verbose;

    private JsSdkReplayDriver() {
    }

    /** One node's recorded request and the connection it is replayed on. */
    private static final class Replay implements AutoCloseable {
        final String url;
        final byte[] request;
        Socket socket;
        InputStream in;
        OutputStream out;

        Replay(String url, byte[] request) {
            this.url = url;
            this.request = request;
        }

        /** Sends the recorded bytes and returns the answer's body; reconnects when the server closed. */
        String call() throws IOException {
            for (int attempt = 0; ; attempt++) {
                if (socket == null) {
                    URI u = URI.create(url);
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
                    socket.setSoTimeout(60_000);
                    in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                    out = socket.getOutputStream();
                }
                try {
                    out.write(request);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private String readResponse() throws IOException {
            String status = line();
            if (status.isEmpty()) {
                throw new IOException("connection closed by " + url);
            }
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes((int) size));
                    line();
                }
                line();
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            }
            String text = body.toString(StandardCharsets.UTF_8);
            if (closeAfter) {
                close();
            }
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(url + " answered " + status + ": " + text);
            }
            return text;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing to release
                }
            }
            socket = null;
        }
    }

    /** Latencies and CPU of one kind of call. */
    private static final class Series {
        final String name;
        final List<Long> nanos = new ArrayList<>();
        final List<Double> blockP50 = new ArrayList<>();
        long wallNanos;
        long cpuNanos;

        Series(String name) {
            this.name = name;
        }
    }

    interface Call {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        NetworkProcess.quietLogging();
        Path capture = null;
        int blocks = 10;
        int perBlock = 200;
        int warmup = 500;
        boolean javaSdk = true;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--capture" -> capture = Path.of(args[i + 1]);
                case "--blocks" -> blocks = Integer.parseInt(args[i + 1]);
                case "--per-block" -> perBlock = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--java-sdk" -> javaSdk = Boolean.parseBoolean(args[i + 1]);
                case "--verbose" -> verbose = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: "
                        + "JsSdkReplayDriver [--capture FILE] [--blocks N] [--per-block N] [--warmup N] [--java-sdk true|false] "
                        + "[--verbose true|false]");
            }
        }
        if (capture != null) {
            run(capture, null, blocks, perBlock, warmup);
            return;
        }
        Path data = Files.createTempDirectory("litj-replay-");
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(data).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom())) {
            Path file = data.resolve("js-sdk-execute.json");
            captureWithJsSdk(devnet, file);
            run(file, javaSdk ? devnet : null, blocks, perBlock, warmup);
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void captureWithJsSdk(Devnet devnet, Path file) throws IOException, InterruptedException {
        Path interop = Path.of("interop").toAbsolutePath();
        if (!Files.exists(interop.resolve("capture-execute.mjs"))) {
            throw new IllegalStateException("run from the repository root (interop/capture-execute.mjs not found)");
        }
        String line = JsJson.stringify(JsonValue.object().put("network", "litj")
                .put("rpcUrl", devnet.rpcUrl()).put("blockHashUrl", devnet.blockHashUrl()).build());
        Process p = new ProcessBuilder("node", "capture-execute.mjs", "--network", line, "--out", file.toString(),
                "--code", ACTION).directory(interop.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("capture-execute.mjs failed with exit code " + p.exitValue());
        }
    }

    private static void run(Path captureFile, Devnet devnet, int blocks, int perBlock, int warmup)
            throws Exception {
        JsonValue.JsonObject doc = JsonReader.parseObject(Files.readString(captureFile), LitErrorCode.InvalidArgument,
                "capture");
        List<Replay> replays = new ArrayList<>();
        int totalBytes = 0;
        for (JsonValue r : ((JsonValue.JsonArray) doc.get("requests").orElseThrow()).items()) {
            JsonValue.JsonObject req = (JsonValue.JsonObject) r;
            byte[] raw = Base64.getDecoder().decode(((JsonValue.JsonString) req.get("raw").orElseThrow()).value());
            replays.add(new Replay(((JsonValue.JsonString) req.get("url").orElseThrow()).value(), raw));
            totalBytes += raw.length;
        }
        System.out.printf("capture %s: %d requests, %d bytes in all, session until %s%n", captureFile,
                replays.size(), totalBytes, ((JsonValue.JsonString) doc.get("sessionExpiration").orElseThrow())
                        .value());
        ExecutorService fanOut = Executors.newFixedThreadPool(replays.size());
        String first = replays.get(0).call();
        if (!first.contains("\"success\":true")) {
            throw new IllegalStateException("the replayed request was refused: " + first);
        }
        System.out.println("first replayed answer: " + first);
        List<Series> kinds = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        kinds.add(new Series("JS SDK bytes replayed"));
        calls.add(() -> {
            List<Future<String>> answers = new ArrayList<>();
            for (Replay r : replays) {
                answers.add(fanOut.submit(r::call));
            }
            for (Future<String> a : answers) {
                if (!a.get().contains("\"success\":true")) {
                    throw new IllegalStateException("refused: " + a.get());
                }
            }
        });
        LitClient client = null;
        if (devnet != null) {
            client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl()))
                    .sessionStore(new InMemorySessionStore()).build();
            client.connect();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(ResourceAbilityRequest.of(
                    LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)), PrivateKeyEthSigner.fromBytes(key)));
            ExecuteJsRequest request = ExecuteJsRequest.builder().code(ACTION).sessionSigs(sigs).build();
            LitClient c = client;
            kinds.add(new Series("Java SDK executeJs"));
            calls.add(() -> c.executeJs(request));
        }
        try {
            for (int i = 0; i < warmup; i++) {
                for (Call c : calls) {
                    c.run();
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int round = 0; round < blocks; round++) {
                for (int k = 0; k < kinds.size(); k++) {
                    int idx = round % 2 == 0 ? k : kinds.size() - 1 - k;
                    Series s = kinds.get(idx);
                    long[] block = new long[perBlock];
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < perBlock; i++) {
                        long c0 = System.nanoTime();
                        calls.get(idx).run();
                        block[i] = System.nanoTime() - c0;
                    }
                    s.wallNanos += System.nanoTime() - t0;
                    s.cpuNanos += os.getProcessCpuTime() - cpu0;
                    Arrays.stream(block).forEach(s.nanos::add);
                    Arrays.sort(block);
                    s.blockP50.add(quantile(block, 0.5) / 1e6);
                    if (verbose) {
                        System.err.printf(Locale.ROOT, "block %d %s: p50 %.2f ms, CPU %.2f ms/call%n", round, s.name,
                                quantile(block, 0.5) / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6 / perBlock);
                    }
                }
            }
        } finally {
            fanOut.shutdownNow();
            replays.forEach(Replay::close);
            if (client != null) {
                client.close();
            }
        }
        System.out.println("| kind | calls | p50 ms | p90 ms | p99 ms | max ms | req/s | block p50 min–max ms | "
                + "CPU ms/call (this JVM) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Series s : kinds) {
            long[] all = s.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f–%.2f | %.2f |%n",
                    s.name, all.length, quantile(all, 0.5) / 1e6, quantile(all, 0.9) / 1e6,
                    quantile(all, 0.99) / 1e6, all[all.length - 1] / 1e6, all.length / (s.wallNanos / 1e9),
                    s.blockP50.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    s.blockP50.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    s.cpuNanos / 1e6 / all.length);
        }
    }

    private static long quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
