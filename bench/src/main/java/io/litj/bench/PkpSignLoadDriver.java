package io.litj.bench;

import io.litj.client.LitClient;
import io.litj.client.PkpSignRequest;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Load driver: {@code pkpSign} from the Java SDK to an in-process 3-node devnet (threshold 2), one call at a time,
 * each a new random digest signed by a PKP minted for the run (a wallet session with {@code pkp-signing} on it).
 * Every warm run starts once the nodes' refills have stopped adding presignatures
 * ({@link PkpSignPhaseMeters#settle}, at most 60 s). Phases, each printed as one line with the nodes' own split of
 * the run ({@code litj_pkp_sign_phase_seconds} read from every node's {@code /metrics} before and after: per phase,
 * how often it ran on all nodes and its mean):
 * <ol>
 *   <li>cold: the first call of a new PKP finds no presignature and waits for one made on demand (triples and
 *   presigning among the two signers), the cost of one presignature per signing set;</li>
 *   <li>warm-up: {@code warmup} calls, paced by at most {@value #WARMUP_PAUSE_MS} ms, so that HotSpot has compiled
 *   the signing path of client and nodes before anything is measured (runs with 5 warm-up calls measured the JIT:
 *   about 60 ms of CPU per call in the first 30 calls, 13–20 ms once warm); printed, not a result;</li>
 *   <li>warm, paced: {@code requests} calls, each after a pause of {@code pauseMs} (not timed) that lets the nodes'
 *   background refill fill the pool again: the latency of a call that finds a presignature ready;</li>
 *   <li>with {@code js}: {@code interop/pkp-sign-timing.mjs} (the unmodified JS SDK 7.4.0) against the same devnet
 *   and PKP, paced the same way, before the pools are drained (its line also has the SDK's own split), then the Java
 *   SDK's warm run once more, so that both SDKs are also compared away from the refills the cold call started;</li>
 *   <li>back to back: {@code requests} calls without pause: the rate the network sustains when the pools drain, bound
 *   by how fast presignatures are made;</li>
 *   <li>with {@code js}: the JS SDK once more, right after the drain, paced the same way: how a drained pool shows
 *   (this was the order of earlier runs, whose JS SDK rows therefore measured drained pools).</li>
 * </ol>
 * Usage: {@code PkpSignLoadDriver [requests=100] [pauseMs=300] [warmup=150] [js]} (run from the repository root
 * for {@code js}).
 */
public final class PkpSignLoadDriver {
    /** Longest pause between warm-up calls (a refill on a quiet machine takes about 150 ms). */
    static final long WARMUP_PAUSE_MS = 300;
    /** Calls the JS SDK's script makes before it measures (its own process warms up too). */
    private static final int JS_WARMUP = 30;

    private PkpSignLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 300;
        int warmup = args.length > 2 && args[2].matches("[0-9]{1,6}") ? Integer.parseInt(args[2]) : 150;
        boolean js = List.of(args).contains("js");
        if (requests < 1 || pauseMs < 0) {
            throw new IllegalArgumentException("usage: PkpSignLoadDriver [requests >= 1] [pauseMs >= 0] "
                    + "[warmup >= 0] [js]");
        }
        NetworkProcess.quietLogging();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Path data = Files.createTempDirectory("litj-pkp-sign-load-");
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(data).withNodes(3).withPorts(0, 0), clock, random);
             LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).clock(clock).build();
             PkpSignPhaseMeters meters = new PkpSignPhaseMeters(devnet.nodeUrls())) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(key);
            Pkp pkp = devnet.mintPkp(List.of(new PkpPermission(PkpPermission.ETH_WALLET,
                    wallet.address().toLowerHex(), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
            client.connect();
            String publicKey = "0x" + pkp.publicKey();
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                    PkpSignRequest.sessionResources(publicKey)), wallet));
            PkpSignPhaseMeters.Totals at = meters.snapshot();
            long[] cold = {time(client, sigs, publicKey, random)};
            at = report("cold (first call, presignature made on demand)", cold, client, meters, at);
            if (warmup > 0) {
                long[] warming = paced(warmup, Math.min(pauseMs, WARMUP_PAUSE_MS), client, sigs, publicKey, random);
                at = report("warm-up for the JIT (not a result)", warming, client, meters, at);
            }
            settle(meters);
            long[] warm = paced(requests, pauseMs, client, sigs, publicKey, random);
            at = report("warm pool, " + pauseMs + " ms pause before each call", warm, client, meters, at);
            if (js) {
                settle(meters);
                at = runJs(devnet, publicKey, key, requests, pauseMs, "warm pool", meters, at);
                settle(meters);
                long[] again = paced(requests, pauseMs, client, sigs, publicKey, random);
                at = report("warm pool again, after the JS SDK's run", again, client, meters, at);
            }
            long[] burst = paced(requests, 0, client, sigs, publicKey, random);
            at = report("back to back (pools drain)", burst, client, meters, at);
            if (js) {
                runJs(devnet, publicKey, key, requests, pauseMs, "right after the drain", meters, at);
            }
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code n} timed calls, each after a pause of {@code pauseMs} (not timed; 0: back to back). */
    private static long[] paced(int n, long pauseMs, LitClient client, SessionSigs sigs, String publicKey,
            SecureRandom random) throws InterruptedException {
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            if (pauseMs > 0) {
                Thread.sleep(pauseMs);
            }
            latencies[i] = time(client, sigs, publicKey, random);
        }
        return latencies;
    }

    private static long time(LitClient client, SessionSigs sigs, String publicKey, SecureRandom random) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        long t0 = System.nanoTime();
        client.pkpSign(PkpSignRequest.of(digest, publicKey, sigs));
        return System.nanoTime() - t0;
    }

    /** Before a warm run: waits (at most 60 s) for the refills to stop, so the run starts with full pools. */
    private static void settle(PkpSignPhaseMeters meters) throws IOException, InterruptedException {
        System.out.println("  pools settled: " + meters.settle(120));
    }

    private static PkpSignPhaseMeters.Totals report(String what, long[] latencies, LitClient client,
            PkpSignPhaseMeters meters, PkpSignPhaseMeters.Totals before) throws IOException, InterruptedException {
        System.out.printf("pkpSign, Java SDK, %s (%d nodes, threshold %d): %s%n", what, client.nodeUrls().size(),
                client.minNodeCount(), Latencies.summary(latencies));
        return nodePhases(meters, before);
    }

    /** Prints the nodes' phases since {@code before} and returns the new snapshot. */
    private static PkpSignPhaseMeters.Totals nodePhases(PkpSignPhaseMeters meters, PkpSignPhaseMeters.Totals before)
            throws IOException, InterruptedException {
        PkpSignPhaseMeters.Totals now = meters.snapshot();
        System.out.println("  node phases, all nodes:" + now.since(before));
        return now;
    }

    /** Runs the JS SDK timing script against the same devnet and PKP and prints its line. */
    private static PkpSignPhaseMeters.Totals runJs(Devnet devnet, String publicKey, byte[] key, int requests,
            long pauseMs, String when, PkpSignPhaseMeters meters, PkpSignPhaseMeters.Totals before)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "interop/pkp-sign-timing.mjs", "--rpc-url", devnet.rpcUrl(),
                "--block-hash-url", devnet.blockHashUrl(), "--pkp-public-key", publicKey, "--wallet-key",
                "0x" + Hex.encode(key), "--count", Integer.toString(requests),
                "--warmup", Integer.toString(JS_WARMUP), "--pause-ms", Long.toString(pauseMs))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.println("pkpSign, JS SDK 7.4.0, " + when + " (interop/pkp-sign-timing.mjs, exit " + p.waitFor()
                + "): " + out);
        return nodePhases(meters, before);
    }
}
