package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.node.registry.PkpPermission;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.PkpNetwork;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.threshold.ecdsa.EcdsaSignature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five nodes (threshold 3) with two stopped still sign: every live node ranks the same three live nodes first, they
 * agree on a presignature (made on demand, then from the pool), and their shares combine.
 */
class PkpSignFiveNodesTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final PrivateKeyEthSigner OWNER = PrivateKeyEthSigner.fromHex("55".repeat(32));
    private static final SessionKeyPair KEY = SessionKeyPair.fromSeed(Hex.decode("66".repeat(32), "seed"));

    @TempDir
    static Path dir;

    private static PkpNetwork net;

    @BeforeAll
    static void start() {
        net = PkpNetwork.start(dir, 5, CLOCK, List.of(new PkpPermission(PkpPermission.ETH_WALLET,
                OWNER.address().toString().toLowerCase(), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void sign_twoOfFiveNodesStopped_theThreeLiveNodesSignAndTheSignatureRecoversToThePkp() {
        net.net().stopNode(1);
        net.net().stopNode(3);
        List<String> live = List.of(net.net().url(0), net.net().url(2), net.net().url(4));
        SessionSigs sigs = new LiveSessions(CLOCK, OWNER, KEY).issue(PkpNetwork.pkpAndActions(),
                PkpNetwork.pkpAndActions(), Duration.ofHours(1), live);

        for (int round = 0; round < 2; round++) {
            byte[] digest = Hashes.keccak256("five nodes, round " + round);
            String requestId = "five-" + round;
            List<Reply> replies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int node : List.of(0, 2, 4)) {
                replies.add(null);
                int slot = replies.size() - 1;
                threads.add(Thread.ofVirtual().start(() -> replies.set(slot, net.sign(node, net.body(digest,
                        sigs.forNode(net.net().url(node)).orElseThrow().toAuthSig()), requestId))));
            }
            threads.forEach(PkpSignFiveNodesTest::join);

            replies.forEach(r -> assertEquals(200, r.status(), r::toString));
            assertEquals(3, PkpNetwork.successShares(replies).size(), replies::toString);
            EcdsaSignature signature = net.combine(replies, digest);
            assertEquals(EthAddress.parse(net.pkp().ethAddress(), "pkp"), signature.recoverAddress(digest));
            replies.forEach(r -> assertEquals(new JsonValue.JsonString("success"),
                    ((JsonValue.JsonObject) r.member("signatureShare")).get("result").orElseThrow()));
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
