package io.litj.devnet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.keys.AdminToken;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.PkpKeyShare;
import io.litj.node.keys.RootKeyShare;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.devnet.testing.DevnetFixture;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.StderrCapture;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new 3-node devnet makes its network BLS key by a DKG among its nodes: every node keeps a share that verifies
 * against the public commitments, any 2 shares sign for the key, the handshakes report it, nothing on disk or in
 * the log holds the whole secret, and a restarted node or devnet keeps the key. PKPs are minted the same way.
 */
class NetworkKeyDkgTest {
    private static final String HANDSHAKE = "{\"clientPublicKey\":\"test\"}";
    private static final String WALLET = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    @TempDir
    static Path dir;

    private static StderrCapture log;
    private static Devnet devnet;
    private static NodeHttp http;

    @BeforeAll
    static void start() {
        log = StderrCapture.start();
        devnet = Devnet.start(config(dir, 3), Clock.systemUTC(), new SecureRandom());
        http = new NodeHttp();
    }

    @AfterAll
    static void stop() {
        try {
            if (http != null) {
                http.close();
            }
            if (devnet != null) {
                devnet.close();
            }
        } finally {
            log.close();
        }
    }

    private static DevnetConfig config(Path data, int nodes) {
        return DevnetConfig.defaults(data).withNodes(nodes).withPorts(0, 0).withBlockInterval(Duration.ofHours(1))
                .withActionLimits(DevnetFixture.QUICK_LIMITS);
    }

    private static RootKeyShare root(int node) {
        return KeyShareStore.open(devnet.config().nodeDir(node)).root().orElseThrow();
    }

    @Test
    void networkKey_everyNodesShareVerifiesAgainstTheCommonCommitments() {
        BlsPublicKey key = devnet.networkPublicKey().orElseThrow();
        RootKeyShare first = root(0);

        for (int i = 0; i < 3; i++) {
            RootKeyShare r = root(i);
            assertEquals(i + 1, r.identifier());
            assertEquals(1, r.epoch());
            assertEquals(2, r.threshold());
            assertEquals(key, r.publicKey());
            assertEquals(first.commitments(), r.commitments());
            assertEquals(r.commitments().publicShare(i + 1),
                    r.share().publicKeyShare().publicKey().toGroupElement(), "node " + i);
        }
    }

    @Test
    void networkKey_twoSharesSign_combinationVerifiesAndOneShareIsNotEnough() {
        BlsPublicKey key = devnet.networkPublicKey().orElseThrow();
        byte[] message = "lit_session:test".getBytes(StandardCharsets.UTF_8);

        BlsSignature signature = BlsCombiner.combineAndVerify(List.of(root(2).share().sign(message),
                root(0).share().sign(message)), 2, key, message);
        ThresholdException alone = assertThrows(ThresholdException.class, () -> BlsCombiner.combineAndVerify(
                List.of(root(1).share().sign(message)), 2, key, message));

        assertDoesNotThrow(() -> Bls.verify(key, message, signature));
        assertEquals(LitErrorCode.NoValidShares, alone.code());
    }

    @Test
    void handshake_everyNode_reportsTheNetworkKey() {
        String key = devnet.networkPublicKey().orElseThrow().toHex();

        for (String url : devnet.nodeUrls()) {
            NodeHttp.Reply r = http.post(url + "/web/handshake", HANDSHAKE);
            assertEquals(200, r.status(), r::toString);
            assertEquals(key, r.string("networkPublicKey"), url);
        }
    }

    @Test
    void dataFolderAndLog_neverHoldAWholeSecretKey() throws IOException {
        Pkp pkp = devnet.mintPkp(List.of(new PkpPermission(PkpPermission.ETH_WALLET, WALLET, Set.of(1))));
        byte[] blsSecret = reconstruct(Group.BLS12_381_G1, List.of(root(0).share().identifier(),
                root(1).share().identifier()), List.of(root(0).share().exportSecret(), root(1).share().exportSecret()));
        PkpKeyShare p0 = pkpShare(0, pkp.tokenId());
        PkpKeyShare p2 = pkpShare(2, pkp.tokenId());
        byte[] pkpSecret = reconstruct(Group.SECP256K1, List.of(1, 3), List.of(p0.share().value().exportSecret(),
                p2.share().value().exportSecret()));
        // the reconstructed values are the real secrets: their public keys are the network's and the PKP's
        assertEquals(root(0).commitments().publicKey(), SecretScalar.of(Group.BLS12_381_G1, blsSecret).publicKey());
        assertEquals(p0.commitments().publicKey(), SecretScalar.of(Group.SECP256K1, pkpSecret).publicKey());

        String everything = allFiles(dir) + "\n" + log.text();

        assertTrue(log.text().contains("dkg network-bls-"), "the log capture works");
        assertTrue(everything.contains(Hex.encode(root(0).share().exportSecret())), "the scan finds shares");
        for (byte[] secret : List.of(blsSecret, pkpSecret)) {
            for (String form : forms(secret)) {
                assertFalse(everything.contains(form), "a whole secret key appears as " + form.substring(0, 6) + "…");
            }
        }
    }

    @Test
    void mintPkp_recordsTheKeccakTokenIdAndEveryNodeHoldsAVerifyingShare() {
        Pkp pkp = devnet.mintPkp(List.of(new PkpPermission(PkpPermission.ETH_WALLET, WALLET, Set.of(1, 2)),
                new PkpPermission(PkpPermission.LIT_ACTION, "QmZ1", Set.of(1))));

        assertEquals(Hex.encode(Hashes.keccak256(Hex.decode(pkp.publicKey(), "pk"))), pkp.tokenId());
        assertEquals(pkp, devnet.registry().pkp(pkp.tokenId()).orElseThrow());
        assertTrue(devnet.registry().pkpsPermitting(PkpPermission.ETH_WALLET, WALLET).contains(pkp.tokenId()));
        for (int i = 0; i < 3; i++) {
            PkpKeyShare s = pkpShare(i, pkp.tokenId());
            assertEquals(i + 1, s.identifier());
            assertEquals(pkp.publicKey(), s.publicKey().hex());
            assertDoesNotThrow(() -> s.commitments().verify(s.share()), "node " + i);
            assertEquals(s.commitments().publicShare(i + 1), s.share().publicValue());
        }
    }

    @Test
    void mintPkp_oneNodeStopped_theOtherTwoMakeTheKeyAndDisqualifyTheSilentOne() {
        devnet.stopNode(2);
        Pkp pkp;
        try {
            pkp = devnet.mintPkp(List.of(new PkpPermission(PkpPermission.ETH_WALLET, WALLET, Set.of(1))));
        } finally {
            devnet.restartNode(2);
        }

        PkpKeyShare a = pkpShare(0, pkp.tokenId());
        PkpKeyShare b = pkpShare(1, pkp.tokenId());
        assertDoesNotThrow(() -> a.commitments().verify(a.share()));
        assertDoesNotThrow(() -> b.commitments().verify(b.share()));
        assertEquals(a.commitments().publicKey(), Shamir.reconstruct(List.of(a.share(),
                b.share())).publicKey());
        assertTrue(KeyShareStore.open(devnet.config().nodeDir(2)).pkpShare(pkp.tokenId()).isEmpty());
        JsonValue.JsonObject status = adminStatuses(devnet, 0).stream()
                .map(v -> (JsonValue.JsonObject) v)
                .filter(o -> o.get("tokenId").map(t -> t.equals(new JsonValue.JsonString(
                        pkp.tokenId()))).orElse(false))
                .findFirst().orElseThrow();
        assertEquals("{\"3\":\"broadcast no commitments\"}", JsJson.stringify(
                status.get("disqualified").orElseThrow()));
    }

    @Test
    void restartNode_reportsTheSameKeyAndItsShareStillVerifies() {
        String key = devnet.networkPublicKey().orElseThrow().toHex();
        String url = devnet.nodeUrls().get(1);

        devnet.stopNode(1);
        devnet.restartNode(1);

        assertEquals(key, http.post(url + "/web/handshake", HANDSHAKE).string("networkPublicKey"));
        RootKeyShare r = root(1);
        assertEquals(r.commitments().publicShare(2), r.share().publicKeyShare().publicKey().toGroupElement());
    }

    @Test
    void restartDevnet_fromItsFolder_runsNoDkgAndKeepsTheKeyAlsoWithTwoNodes(@TempDir Path own) {
        String key;
        try (Devnet first = Devnet.start(config(own, 2), Clock.systemUTC(), new SecureRandom())) {
            key = first.networkPublicKey().orElseThrow().toHex();
            assertEquals(1, adminSessions(first, 0));
            assertEquals(2, KeyShareStore.open(own.resolve("node-1")).root().orElseThrow().threshold());
        }

        try (Devnet again = Devnet.start(config(own, 2), Clock.systemUTC(), new SecureRandom())) {
            assertEquals(key, again.networkPublicKey().orElseThrow().toHex());
            assertEquals(0, adminSessions(again, 0));
            assertEquals(key, http.post(again.nodeUrls().get(1) + "/web/handshake", HANDSHAKE)
                    .string("networkPublicKey"));
        }
    }

    @Test
    void start_oneNode_runsTheDkgWithThresholdOne(@TempDir Path own) {
        try (Devnet single = Devnet.start(config(own, 1), Clock.systemUTC(), new SecureRandom())) {
            RootKeyShare r = KeyShareStore.open(own.resolve("node-0")).root().orElseThrow();
            assertEquals(1, r.threshold());
            assertEquals(single.networkPublicKey().orElseThrow(), r.publicKey());
        }
    }

    private static int adminSessions(Devnet d, int node) {
        return adminStatuses(d, node).size();
    }

    private static List<JsonValue> adminStatuses(Devnet d, int node) {
        String token = AdminToken.read(d.config().dataDir().resolve("admin.token")).orElseThrow()
                .exportSecret();
        NodeHttp.Reply r = http.get(d.nodeUrls().get(node) + "/litj/admin/v1/dkg/status", "Authorization",
                "Bearer " + token);
        assertEquals(200, r.status(), r::toString);
        return ((JsonValue.JsonArray) r.member("sessions")).items();
    }

    private static PkpKeyShare pkpShare(int node, String tokenId) {
        return KeyShareStore.open(devnet.config().nodeDir(node)).pkpShare(tokenId).orElseThrow();
    }

    private static byte[] reconstruct(Group group, List<Integer> ids, List<byte[]> values) {
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            shares.add(Share.of(ids.get(i), SecretScalar.of(group, values.get(i))));
        }
        return Shamir.reconstruct(shares).exportSecret();
    }

    /** Hex (both cases), base64 and base64url (with and without padding) of a secret. */
    private static List<String> forms(byte[] secret) {
        String hex = Hex.encode(secret);
        return List.of(hex, hex.toUpperCase(Locale.ROOT), Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                Base64.getEncoder().withoutPadding().encodeToString(secret));
    }

    /** Every regular file under {@code root}, as ISO-8859-1 text (bytes one to one), concatenated. */
    private static String allFiles(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return out.toString();
    }
}
