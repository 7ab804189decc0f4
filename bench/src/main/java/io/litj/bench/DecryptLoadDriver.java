package io.litj.bench;

import io.litj.client.DecryptRequest;
import io.litj.client.EncryptResult;
import io.litj.client.Jwt;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.client.SignedTokenRequest;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;

/**
 * Load driver: {@code decrypt} from the Java SDK to an in-process 3-node devnet (threshold 2), one call at a time.
 * A random wallet encrypts {@code size} random bytes under ":userAddress = the wallet" and makes one session granting
 * decryption of that identity; each timed call is the whole {@code decrypt}: 3 {@code /web/encryption/sign/}
 * requests in parallel (each node: session-sig validation, condition evaluation, a BLS share over the identity),
 * then combining 2 shares, verifying the signature under the network key and opening the ciphertext. Also times
 * {@code LitClient.encrypt} (local) of the same data, and {@code getSignedToken} (3
 * {@code /web/signing/access_control_condition/v1} requests, 2 shares combined into a JWT) with {@code Jwt.verify}.
 * Prints one line per phase.
 *
 * <p>Usage: {@code DecryptLoadDriver [requests=200] [warmup=50] [size=1024]}.
 */
public final class DecryptLoadDriver {
    private DecryptLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        if (requests < 1 || warmup < 0 || size < 0) {
            throw new IllegalArgumentException("usage: DecryptLoadDriver [requests >= 1] [warmup >= 0] [size >= 0]");
        }
        NetworkProcess.quietLogging();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Path data = Files.createTempDirectory("litj-decrypt-load-");
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(data).withNodes(3).withPorts(0, 0), clock, random);
             LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).clock(clock).build()) {
            client.connect();
            byte[] key = new byte[32];
            random.nextBytes(key);
            PrivateKeyEthSigner wallet = PrivateKeyEthSigner.fromBytes(key);
            ConditionSet onlyWallet = ConditionSet.parse(ConditionKind.BASIC, "[{\"contractAddress\":\"\","
                    + "\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":"
                    + "[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"" + wallet.address()
                    + "\"}}]");
            byte[] plaintext = new byte[size];
            random.nextBytes(plaintext);
            long[] encrypts = time(warmup, requests, () -> client.encrypt(onlyWallet, plaintext));
            report("encrypt " + size + " bytes (local)", encrypts, client);
            EncryptResult encrypted = client.encrypt(onlyWallet, plaintext);
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                    DecryptRequest.sessionResources(onlyWallet, encrypted.dataToEncryptHash())), wallet));
            DecryptRequest request = DecryptRequest.of(onlyWallet, encrypted, sigs);
            long[] decrypts = time(warmup, requests, () -> {
                if (!client.decrypt(request).sameSecretAs(plaintext)) {
                    throw new IllegalStateException("decrypt returned other bytes");
                }
            });
            report("decrypt " + size + " bytes, round trip, sequential", decrypts, client);
            SessionSigs signing = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                    SignedTokenRequest.sessionResources(onlyWallet)), wallet));
            SignedTokenRequest tokenRequest = SignedTokenRequest.of(onlyWallet, signing);
            String networkKey = client.networkPublicKey().orElseThrow();
            long[] tokens = time(warmup, requests, () -> Jwt.verify(client.getSignedToken(tokenRequest), networkKey));
            report("getSignedToken + Jwt.verify, round trip, sequential", tokens, client);
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs {@code call} {@code warmup} times untimed, then {@code requests} times, and returns each timed call's ns. */
    private static long[] time(int warmup, int requests, Runnable call) {
        long[] latencies = new long[requests];
        for (int i = -warmup; i < requests; i++) {
            long t0 = System.nanoTime();
            call.run();
            if (i >= 0) {
                latencies[i] = System.nanoTime() - t0;
            }
        }
        return latencies;
    }

    private static void report(String what, long[] latencies, LitClient client) {
        System.out.printf("%s, Java SDK (%d nodes, threshold %d): %s%n", what, client.nodeUrls().size(),
                client.minNodeCount(), Latencies.summary(latencies));
    }
}
