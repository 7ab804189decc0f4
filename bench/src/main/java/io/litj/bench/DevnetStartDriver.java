package io.litj.bench;

import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.Registry;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Load driver: how long a new 3-node devnet takes to start, embedded (SQLite registry, chain view) against anvil
 * (anvil started, litj's contracts deployed, the nodes registered by transaction, the nodes on an EvmRegistry), the
 * network DKG included in both; then the cost of one warm registry read of each kind the nodes make per request
 * ({@code nodes()}, {@code pkp()} of an unknown token, {@code block()} of the latest hash) on the anvil registry,
 * with the cache ({@link EvmRegistry#DEFAULT_CACHE_TTL}) and without (a registry whose cache time is zero), and the
 * latency of minting a PKP on chain ({@link AnvilDevnet#mintPkp}, 5 mints) with the key pool warm and, on a devnet
 * whose pool target is 0, with each key made on demand; and how long the default pool takes to fill after start.
 * Anvil comes from {@code $LITJ_ANVIL} or the cache folder {@code $TMPDIR/litj-anvil-cache}. Prints one line per
 * measurement.
 *
 * <p>Usage: {@code DevnetStartDriver [starts=3] [reads=2000]}.
 */
public final class DevnetStartDriver {
    private DevnetStartDriver() {
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path cache = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "litj-anvil-cache"));
        long[] embedded = new long[starts];
        long[] anvil = new long[starts];
        for (int i = 0; i < starts; i++) {
            Path dir = Files.createTempDirectory("litj-start-");
            long t0 = System.nanoTime();
            try (Devnet d = Devnet.start(DevnetConfig.defaults(dir).withPorts(0, 0), Clock.systemUTC(),
                    new SecureRandom())) {
                embedded[i] = System.nanoTime() - t0;
            }
            dir = Files.createTempDirectory("litj-start-");
            t0 = System.nanoTime();
            try (AnvilDevnet d = AnvilDevnet.start(DevnetConfig.defaults(dir).withPorts(0, 0), cache,
                    Clock.systemUTC(), new SecureRandom())) {
                anvil[i] = System.nanoTime() - t0;
                if (i == starts - 1) {
                    long filled = awaitFullPool(d);
                    System.out.printf("key pool of %d filled in the background %d ms after start returned%n",
                            d.keyPool().target(), filled / 1_000_000);
                    readCosts(d, reads);
                    mints(d, 5, true);
                }
            }
        }
        Path dir = Files.createTempDirectory("litj-start-");
        try (AnvilDevnet d = AnvilDevnet.start(DevnetConfig.defaults(dir).withPorts(0, 0), cache, Clock.systemUTC(),
                new SecureRandom(), 0)) {
            mints(d, 5, false);
        }
        System.out.printf("devnet start, 3 nodes, DKG included: embedded median %d ms %s; anvil median %d ms %s%n",
                median(embedded), millis(embedded), median(anvil), millis(anvil));
    }

    private static void readCosts(AnvilDevnet d, int reads) {
        String unknown = "00".repeat(32);
        String hash = d.registry().latestBlock().hash();
        try (EvmRegistry uncached = EvmRegistry.open(URI.create(d.rpcUrl()), d.contracts(), Clock.systemUTC(),
                Duration.ZERO)) {
            for (Registry r : new Registry[] {d.registry(), uncached}) {
                String kind = r == uncached ? "uncached" : "cached";
                time(kind + " nodes()", reads, () -> r.nodes());
                time(kind + " pkp(unknown)", reads, () -> r.pkp(unknown));
                time(kind + " block(latest hash)", reads, () -> r.block(hash));
            }
        }
    }

    /**
     * Times {@code n} mints ({@link AnvilDevnet#mintPkp}: owner funded, {@code mintNext}, one permit). With
     * {@code warm}, each waits first for a full pool, so the key is made ahead of time; else the pool is empty (target
     * 0) and each mint makes its key by DKG and routes it first.
     */
    private static void mints(AnvilDevnet d, int n, boolean warm) throws InterruptedException {
        long[] nanos = new long[n];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < n; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            key[0] &= 0x7f;
            key[31] |= 1;
            PrivateKeyEthSigner owner = PrivateKeyEthSigner.fromBytes(key);
            if (warm) {
                awaitFullPool(d);
            }
            long t0 = System.nanoTime();
            d.mintPkp(owner, List.of(new PkpPermission(PkpPermission.ETH_WALLET, owner.address().toLowerHex(),
                    Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
            nanos[i] = System.nanoTime() - t0;
        }
        System.out.printf("PKP mint on anvil, %s: median %d ms %s%n", warm
                ? "pool warm (funding + mintNext + 1 permit)" : "on demand (DKG + route + funding + mintNext + 1 permit)",
                median(nanos), millis(nanos));
    }

    /** Waits (at most 5 minutes) until the chain's pool holds the target; returns the nanoseconds waited. */
    private static long awaitFullPool(AnvilDevnet d) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(5).toNanos();
        while (d.keyPoolSize() < d.keyPool().target()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the key pool did not fill within 5 minutes");
            }
            Thread.sleep(5);
        }
        return System.nanoTime() - t0;
    }

    static void time(String what, int n, Runnable read) {
        for (int i = 0; i < Math.min(200, n); i++) {
            read.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            read.run();
        }
        System.out.printf("registry read %-28s %8.1f us/read (%d reads)%n", what,
                (System.nanoTime() - t0) / 1000.0 / n, n);
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }

    private static String millis(long[] nanos) {
        return Arrays.toString(Arrays.stream(nanos).map(n -> n / 1_000_000).toArray());
    }
}
