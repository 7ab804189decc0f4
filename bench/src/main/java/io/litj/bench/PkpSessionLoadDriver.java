package io.litj.bench;

import io.litj.client.AuthMethod;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.PkpSessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Load driver: {@code getPkpSessionSigs} from the Java SDK to an in-process 3-node devnet (all on this machine), each
 * call forced to get a new network grant: the client's {@link InMemorySessionStore} is emptied before every call,
 * so each one makes a new session key and runs a full {@code sign_session_key} round (every node verifies the
 * EthWallet login, checks the PKP's permissions, rebuilds the SIWE and BLS-signs it; the client combines the shares
 * and verifies the result under the network key) before issuing the per-node session sigs. Calls run one at a time.
 * Each call gets a new wallet login (the EthWallet auth method), signed before the call's clock starts: a node
 * accepts a login for one session key only ({@code docs/pkp-sessions.md}, "Logins that cannot be replayed").
 * Usage: {@code PkpSessionLoadDriver [requests=500] [warmup=100]}.
 */
public final class PkpSessionLoadDriver {
    private static final List<ResourceAbilityRequest> RESOURCES = List.of(
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION),
            ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING));

    private PkpSessionLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (requests < 1 || warmup < 0) {
            throw new IllegalArgumentException("usage: PkpSessionLoadDriver [requests >= 1] [warmup >= 0]");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Path data = Files.createTempDirectory("litj-pkp-load-");
        InMemorySessionStore store = new InMemorySessionStore();
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(data).withNodes(3).withPorts(0, 0), clock, random);
             LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).sessionStore(store)
                     .clock(clock).build()) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(key);
            Pkp pkp = devnet.mintPkp(List.of(new PkpPermission(PkpPermission.ETH_WALLET,
                    wallet.address().toLowerHex(), Set.of(PkpPermission.SCOPE_PERSONAL_SIGN))));
            client.connect();
            Set<String> sessionKeys = new HashSet<>();
            for (int i = 0; i < warmup; i++) {
                store.clearAll();
                client.getPkpSessionSigs(request(client, wallet, pkp, clock));
            }
            long[] latencies = new long[requests];
            for (int i = 0; i < requests; i++) {
                store.clearAll();
                PkpSessionRequest request = request(client, wallet, pkp, clock);
                long t0 = System.nanoTime();
                SessionSigs sigs = client.getPkpSessionSigs(request);
                latencies[i] = System.nanoTime() - t0;
                sessionKeys.add(sigs.byNodeUrl().values().iterator().next().address());
            }
            if (sessionKeys.size() != requests) {
                throw new IllegalStateException("only " + sessionKeys.size() + " of " + requests
                        + " calls made a new session: the store was not bypassed");
            }
            Arrays.sort(latencies);
            System.out.printf("getPkpSessionSigs, new grant each call (%d nodes, threshold %d): %d requests after %d"
                            + " warm-up, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    client.nodeUrls().size(), client.minNodeCount(), requests, warmup, ms(latencies, 0.50),
                    ms(latencies, 0.90), ms(latencies, 0.99), latencies[requests - 1] / 1e6);
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A request proven by a new login of {@code wallet} (its Issued At in milliseconds, so each login differs). */
    private static PkpSessionRequest request(LitClient client, PrivateKeyEthSigner wallet, Pkp pkp, Clock clock) {
        AuthSig login = AuthSigs.generate(wallet, LitSiweBuilder.create(wallet.address(), client.latestBlockhash())
                .clock(clock).expiration(clock.instant().plus(Duration.ofHours(1))).build());
        return PkpSessionRequest.builder().pkpPublicKey("0x" + pkp.publicKey())
                .authMethods(List.of(AuthMethod.ethWallet(login))).terms(SessionTerms.of(RESOURCES)).build();
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
