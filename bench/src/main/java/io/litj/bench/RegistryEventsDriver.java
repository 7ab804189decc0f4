package io.litj.bench;

import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.evm.AnvilProcess;
import io.litj.devnet.evm.EvmRegistryWriter;
import io.litj.devnet.evm.EvmSender;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.rpc.EthRpc;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load driver: the registry read on anvil with event following on ({@link EvmRegistry#followEvents}, every
 * {@link EvmRegistry#DEFAULT_EVENT_POLL}): warm reads of a known PKP, the nodes and a block while the chain is quiet
 * and for 5 s while a writer changes the PKP's permissions every 200 ms (each change's event drops the cached PKP); and how
 * long after a removal's receipt the registry serves the PKP without it.
 *
 * <p>Usage: {@code RegistryEventsDriver [reads=2000] [removals=10]}.
 */
public final class RegistryEventsDriver {
    private RegistryEventsDriver() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int removals = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path cache = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "litj-anvil-cache"));
        SecureRandom random = new SecureRandom();
        try (AnvilDevnet d = AnvilDevnet.start(DevnetConfig.defaults(Files.createTempDirectory("litj-events-"))
                .withPorts(0, 0), cache, Clock.systemUTC(), random);
             EthRpc rpc = new EthRpc(URI.create(d.rpcUrl()), Duration.ofSeconds(5))) {
            PrivateKeyEthSigner ownerKey = PrivateKeyEthSigner.fromBytes(key(random));
            PkpPermission kept = wallet(PrivateKeyEthSigner.fromBytes(key(random)));
            PkpPermission toggled = wallet(PrivateKeyEthSigner.fromBytes(key(random)));
            Pkp pkp = d.mintPkp(ownerKey, List.of(kept, toggled));
            EvmSender owner = new EvmSender(rpc, ownerKey, AnvilProcess.CHAIN_ID);
            EvmRegistryWriter writer = new EvmRegistryWriter(d.contracts(), owner);
            EvmRegistry registry = d.registry();
            String hash = registry.latestBlock().hash();

            DevnetStartDriver.time("quiet pkp(known)", reads, () -> registry.pkp(pkp.tokenId()));
            DevnetStartDriver.time("quiet nodes()", reads, registry::nodes);
            DevnetStartDriver.time("quiet block(hash)", reads, () -> registry.block(hash));

            AtomicBoolean stop = new AtomicBoolean();
            Thread changes = Thread.ofPlatform().start(() -> {
                boolean present = true;
                while (!stop.get()) {
                    if (present) {
                        writer.revoke(owner, pkp.tokenId(), toggled.authMethodType(), toggled.id());
                    } else {
                        writer.permit(owner, pkp.tokenId(), toggled);
                    }
                    present = !present;
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!present) {
                    writer.permit(owner, pkp.tokenId(), toggled);
                }
            });
            long n = 0;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                registry.pkp(pkp.tokenId());
                n++;
            }
            System.out.printf("registry read %-28s %8.1f us/read (%d reads in 5 s, a change every 200 ms)%n",
                    "changing pkp(known)", (System.nanoTime() - start) / 1000.0 / n, n);
            stop.set(true);
            changes.join();

            long[] seen = new long[removals];
            for (int i = 0; i < removals; i++) {
                awaitPermissions(registry, pkp.tokenId(), 2);
                writer.revoke(owner, pkp.tokenId(), toggled.authMethodType(), toggled.id());
                long t0 = System.nanoTime();
                awaitPermissions(registry, pkp.tokenId(), 1);
                seen[i] = System.nanoTime() - t0;
                writer.permit(owner, pkp.tokenId(), toggled);
            }
            System.out.println("removal seen by the registry after its receipt (events polled every "
                    + EvmRegistry.DEFAULT_EVENT_POLL.toMillis() + " ms, cache " + EvmRegistry.DEFAULT_CACHE_TTL
                    .toMillis() + " ms): " + Latencies.summary(seen));
        }
    }

    /** Reads until the PKP lists {@code n} permissions (at most 10 s). */
    private static void awaitPermissions(EvmRegistry registry, String tokenId, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (registry.pkp(tokenId).orElseThrow().permissions().size() != n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the registry did not show " + n + " permissions within 10 s");
            }
            Thread.sleep(1);
        }
    }

    private static PkpPermission wallet(PrivateKeyEthSigner w) {
        return new PkpPermission(PkpPermission.ETH_WALLET, w.address().toLowerHex(),
                Set.of(PkpPermission.SCOPE_PERSONAL_SIGN));
    }

    private static byte[] key(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        key[0] &= 0x7f;
        key[31] |= 1;
        return key;
    }
}
