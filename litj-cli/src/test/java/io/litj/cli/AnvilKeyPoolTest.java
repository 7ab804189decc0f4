package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.LitClient;
import io.litj.client.PkpSignRequest;
import io.litj.client.PkpSignature;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.AnvilDevnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestAnvil;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PKP key pool of an anvil devnet (Java against anvil): the pool fills in the background after start-up, each
 * {@code PKPNFT.mintNext} from a different wallet takes a pooled key, no key is handed out twice, every minted key is
 * one the nodes hold shares for (the Java SDK signs with each, and the signature recovers to the PKP's address), and
 * the pool refills to its target. At rest, every key the pool made is either minted or still pooled.
 */
class AnvilKeyPoolTest {
    private static final int TARGET = 2;
    private static final int MINTS = TARGET + 3;
    /** Bounded wait for the background DKGs (generous: a shared 2-core box). */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dataDir;
    @AutoClose
    AnvilDevnet devnet;

    @Test
    void mintsFromManyWallets_neverShareAKey_eachKeySigns_andThePoolRefills() throws Exception {
        devnet = AnvilDevnet.start(DevnetConfig.defaults(dataDir.resolve("devnet")).withPorts(0, 0),
                TestAnvil.cacheDir(), CLOCK, new SecureRandom(), TARGET);
        awaitFullPool();
        assertEquals(TARGET, devnet.keyPool().made(), "the pool was filled by the refiller");

        SecureRandom random = new SecureRandom();
        List<Pkp> minted = new ArrayList<>();
        List<PrivateKeyEthSigner> owners = new ArrayList<>();
        for (int i = 0; i < MINTS; i++) {
            PrivateKeyEthSigner owner = randomWallet(random);
            owners.add(owner);
            minted.add(devnet.mintPkp(owner, List.of(new PkpPermission(PkpPermission.ETH_WALLET,
                    owner.address().toLowerHex(), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING)))));
        }
        Set<String> keys = new HashSet<>();
        minted.forEach(p -> keys.add(p.publicKey()));
        assertEquals(MINTS, keys.size(), "a key was handed out twice: " + minted);

        awaitFullPool();
        long made = devnet.keyPool().made();
        assertEquals(MINTS + TARGET, made, "every key made is minted or pooled");
        assertTrue(made > TARGET, "the pool refilled");

        byte[] digest = Hashes.keccak256("signed by a PKP from the pool");
        try (CountingTransport transport = new CountingTransport();
             LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).transport(transport)
                     .clock(CLOCK).connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30))
                     .build()) {
            client.connect();
            for (int i = 0; i < MINTS; i++) {
                String key = "0x" + minted.get(i).publicKey();
                PkpSignature sig = client.pkpSign(PkpSignRequest.of(digest, key, client.getSessionSigs(
                        SessionRequest.of(SessionTerms.of(PkpSignRequest.sessionResources(key)), owners.get(i)))));
                assertEquals(minted.get(i).ethAddress(), Eip191.recoverFromHash(digest,
                        EthSignature.parse(sig.signatureHex(), "sig")).toChecksumString());
            }
        }
    }

    private void awaitFullPool() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int i = 0; i < 10_000 && System.nanoTime() < deadline; i++) {
            if (devnet.keyPoolSize() == TARGET) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the key pool did not reach " + TARGET + " within " + PATIENCE + " (size "
                + devnet.keyPoolSize() + ", failed attempts " + devnet.keyPool().failed() + ")");
    }

    private static PrivateKeyEthSigner randomWallet(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        key[0] &= 0x7f;
        key[31] |= 1;
        return PrivateKeyEthSigner.fromBytes(key);
    }
}
