package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.NodeInternals;
import io.litj.node.auth.SessionKeyFixture;
import io.litj.node.metrics.PkpSignPhase;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.PkpNetwork;
import io.litj.node.testing.PkpSessions;
import io.litj.node.testing.PrometheusText;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ShareCommitments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /web/pkp/sign/v1} on three real nodes holding DKG shares of one PKP (threshold 2): the shares of the
 * signing set combine into a signature that verifies under the PKP key and recovers to its address; each refusal
 * comes with its code before any signing work; a restarted node never reuses a presignature.
 */
class PkpSignNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final PrivateKeyEthSigner OWNER = PrivateKeyEthSigner.fromHex("11".repeat(32));
    private static final PrivateKeyEthSigner PERSONAL_ONLY = PrivateKeyEthSigner.fromHex("22".repeat(32));
    private static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex("33".repeat(32));
    private static final SessionKeyPair KEY = SessionKeyPair.fromSeed(Hex.decode("44".repeat(32), "seed"));

    @TempDir
    static Path dir;

    private static PkpNetwork net;
    private int requests;

    @BeforeAll
    static void start() {
        net = PkpNetwork.start(dir, 3, CLOCK, List.of(
                new PkpPermission(PkpPermission.ETH_WALLET, OWNER.address().toString().toLowerCase(),
                        Set.of(PkpPermission.SCOPE_SIGN_ANYTHING)),
                new PkpPermission(PkpPermission.ETH_WALLET, PERSONAL_ONLY.address().toString().toLowerCase(),
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN))));
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static SessionSigs sessions(PrivateKeyEthSigner wallet, List<ResourceAbilityRequest> grants) {
        return new LiveSessions(CLOCK, wallet, KEY).issue(grants, grants, Duration.ofHours(1), net.net().urls());
    }

    private static AuthSig sig(SessionSigs sigs, int node) {
        return sigs.forNode(net.net().url(node)).orElseThrow().toAuthSig();
    }

    private static byte[] digest(String text) {
        return Hashes.keccak256(text);
    }

    /** Sends one request to every node, as the JS SDK does, with one request id. */
    private List<Reply> signEverywhere(SessionSigs sigs, byte[] digest) {
        String requestId = "req-" + (++requests) + "-" + System.nanoTime();
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replies.add(null);
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int node = i;
            threads.add(Thread.ofVirtual().start(() -> replies.set(node,
                    net.sign(node, net.body(digest, sig(sigs, node)), requestId))));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return replies;
    }

    /** Signs {@code count} digests one after the other; each combined signature recovers to the PKP's address. */
    private void signEachAndRecover(String prefix, int count) {
        SessionSigs sigs = sessions(OWNER, PkpNetwork.pkpAndActions());
        for (int i = 0; i < count; i++) {
            byte[] digest = digest(prefix + i);
            EcdsaSignature signature = net.combine(signEverywhere(sigs, digest), digest);
            assertEquals(EthAddress.parse(net.pkp().ethAddress(), "pkp"), signature.recoverAddress(digest));
        }
    }

    private static void assertRefused(Reply r, int status, String code, String check) {
        assertEquals(status, r.status(), r::toString);
        assertEquals(code, r.errorCode(), r::toString);
        assertTrue(r.details().getFirst().startsWith(check + ": "), r::toString);
    }

    @Test
    void sign_walletSessionOnEveryNode_twoSharesCombineAndRecoverToThePkpAddress() {
        byte[] digest = digest("hello from litj");

        List<Reply> replies = signEverywhere(sessions(OWNER, PkpNetwork.pkpAndActions()), digest);

        int successes = 0;
        List<ShareCommitments> checks = new ArrayList<>();
        for (Reply r : replies) {
            assertEquals(200, r.status(), r::toString);
            JsonValue.JsonObject share = (JsonValue.JsonObject) r.member("signatureShare");
            assertEquals(List.of("digest", "result", "share_index", "signature_share", "big_r", "public_key",
                    "sig_type"), List.copyOf(share.members().keySet()));
            boolean member = share.get("result").orElseThrow().equals(new JsonValue.JsonString("success"));
            assertEquals(member ? List.of("success", "signedData", "signatureShare", "litjShareCheck")
                    : List.of("success", "signedData", "signatureShare"), List.copyOf(r.json().members().keySet()));
            if (member) {
                successes++;
                checks.add(shareCheck(r));
                assertEquals("\"" + Hex.encode(digest).toUpperCase() + "\"",
                        ((JsonValue.JsonString) share.get("digest").orElseThrow()).value());
            }
        }
        assertEquals(2, successes, replies::toString);
        assertEquals(checks.get(0), checks.get(1), "both signers send the same presignature data");
        for (Reply r : replies) {
            JsonValue.JsonObject share = (JsonValue.JsonObject) r.member("signatureShare");
            if (share.get("result").orElseThrow().equals(new JsonValue.JsonString("success"))) {
                int index = (int) ((JsonValue.JsonNumber) ((JsonValue.JsonObject) r.member("litjShareCheck"))
                        .get("shareIndex").orElseThrow()).value();
                Bytes value = Bytes.fromHex(((JsonValue.JsonString) share.get("signature_share").orElseThrow())
                        .value().replace("\"", ""), "share");
                assertTrue(checks.get(0).matches(index, value, digest), r::toString);
                assertFalse(checks.get(0).matches(index, value, digest("another message")), r::toString);
            }
        }
        EcdsaSignature signature = net.combine(replies, digest);
        assertEquals(EthAddress.parse(net.pkp().ethAddress(), "pkp"), signature.recoverAddress(digest));
    }

    @Test
    void sign_timesEachPhaseOnEveryNode_aRefusalTimesNone() {
        SessionSigs sigs = sessions(OWNER, PkpNetwork.pkpAndActions());
        List<PrometheusText> before = scrapeAll();

        List<Reply> replies = signEverywhere(sigs, digest("timed phases"));
        assertRefused(net.sign(0, net.body(new byte[31], sig(sigs, 0)), "r-phases-31"), 422, "NodeBadInput",
                "ToSignCheck");
        List<PrometheusText> after = scrapeAll();

        int members = 0;
        for (int node = 0; node < 3; node++) {
            JsonValue.JsonObject share = (JsonValue.JsonObject) replies.get(node).member("signatureShare");
            boolean member = share.get("result").orElseThrow().equals(new JsonValue.JsonString("success"));
            members += member ? 1 : 0;
            for (PkpSignPhase phase : PkpSignPhase.values()) {
                double moved = phaseCount(after.get(node), phase) - phaseCount(before.get(node), phase);
                double expected = switch (phase) {
                    case AUTHORIZE, CAPACITY, SIGNING_SET -> 1;
                    case AGREE, BIND, SHARE -> member ? 1 : 0;
                    case ON_DEMAND -> Math.min(moved, member ? 1 : 0); // only when no presignature was ready
                };
                assertEquals(expected, moved, "node " + node + " phase " + phase.label());
            }
        }
        assertEquals(2, members);
    }

    @Test
    void sign_backToBack_refillsMakeNoMoreThanTheTargetPerSet() throws InterruptedException {
        signEachAndRecover("back to back ", 8);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (refillsRunning() > 0) {
            assertTrue(System.nanoTime() < deadline, "refills still running after 3 minutes");
            Thread.sleep(50);
        }

        List<PrometheusText> pages = scrapeAll();
        for (int node = 0; node < 3; node++) {
            // each node is a member of 2 of the 3 signing sets; each set's pool is filled up to TARGET, not beyond
            double unused = pages.get(node).value("litj_presignatures_unused", Map.of());
            assertTrue(unused <= 2 * PkpSigner.TARGET, "node " + node + " holds " + unused + " unused");
        }
    }

    private static int refillsRunning() {
        int running = 0;
        for (int node = 0; node < 3; node++) {
            running += NodeInternals.signer(net.net().node(node).orElseThrow()).refillsRunning();
        }
        return running;
    }

    private static List<PrometheusText> scrapeAll() {
        List<PrometheusText> out = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            Reply r = net.net().http().get(net.net().url(node) + "/metrics");
            assertEquals(200, r.status(), r::toString);
            out.add(PrometheusText.parse(r.text()));
        }
        return out;
    }

    private static double phaseCount(PrometheusText page, PkpSignPhase phase) {
        return page.value("litj_pkp_sign_phase_seconds_count", Map.of("phase", phase.label()));
    }

    @Test
    void sign_pkpSessionOfAPermittedWallet_sharesCombine() {
        SessionSigs pkpSession = PkpSessions.issue(net.net(), CLOCK, net.pkp(), OWNER, KEY,
                PkpNetwork.pkpAndActions());
        byte[] digest = digest("signed in a PKP session");

        EcdsaSignature signature = net.combine(signEverywhere(pkpSession, digest), digest);

        assertEquals(EthAddress.parse(net.pkp().ethAddress(), "pkp"), signature.recoverAddress(digest));
    }

    @Test
    void sign_pkpSessionOfAPersonalSignWallet_refusedWithNodeAuthSigScopeTooLimited() {
        SessionSigs pkpSession = PkpSessions.issue(net.net(), CLOCK, net.pkp(), PERSONAL_ONLY, KEY,
                PkpNetwork.pkpAndActions());

        Reply r = net.sign(2, net.body(digest("x"), sig(pkpSession, 2)), "r-pkp-scope");

        assertRefused(r, 401, "NodeAuthSigScopeTooLimited", "PkpCallerCheck");
    }

    @Test
    void sign_manyRequests_eachCombines_andNoPresignatureIsBoundTwice() throws IOException {
        signEachAndRecover("message ", 4);
        for (int node = 0; node < 3; node++) {
            assertNoSecretBesideABoundRecord(net.net().nodeDir(node));
        }
    }

    @Test
    void sign_afterANodeRestarts_itNeverReusesAPresignature() throws IOException {
        SessionSigs sigs = sessions(OWNER, PkpNetwork.pkpAndActions());
        byte[] first = digest("before restart");
        net.combine(signEverywhere(sigs, first), first);
        Set<String> boundBefore = boundIds(net.net().nodeDir(1));

        net.net().stopNode(1);
        net.net().startNode(1);
        for (int i = 0; i < 3; i++) {
            byte[] digest = digest("after restart " + i);
            EcdsaSignature signature = net.combine(signEverywhere(sigs, digest), digest);
            assertEquals(EthAddress.parse(net.pkp().ethAddress(), "pkp"), signature.recoverAddress(digest));
        }

        Set<String> boundAfter = boundIds(net.net().nodeDir(1));
        assertTrue(boundAfter.containsAll(boundBefore), "bound records must survive a restart");
        assertNoSecretBesideABoundRecord(net.net().nodeDir(1));
    }

    @Test
    void sign_authMethodsGiven_refusedWithNodeCannotProvideAuthMethodForEndpoint() {
        JsonValue.JsonObject body = withMember(net.body(digest("x"), sig(sessions(OWNER, PkpNetwork.pkpAndActions()),
                0)), "authMethods", new JsonValue.JsonArray(List.of(JsonValue.object().put("authMethodType",
                new JsonValue.JsonNumber(1)).put("accessToken", "{}").build())));

        assertRefused(net.sign(0, body, "r-am"), 400, "NodeCannotProvideAuthMethodForEndpoint",
                "AuthMethodsForbiddenCheck");
    }

    @Test
    void sign_toSignOf31Bytes_refusedWithNodeBadInput() {
        Reply r = net.sign(0, net.body(new byte[31], sig(sessions(OWNER, PkpNetwork.pkpAndActions()), 0)), "r-31");

        assertRefused(r, 422, "NodeBadInput", "ToSignCheck");
    }

    @Test
    void sign_unknownPkp_refusedWithNodePKPTokenIdNotFound() {
        JsonValue.JsonObject body = withMember(net.body(digest("x"), sig(sessions(OWNER, PkpNetwork.pkpAndActions()),
                0)), "pubkey", new JsonValue.JsonString("0x04" + "1".repeat(128)));

        assertRefused(net.sign(0, body, "r-unknown"), 400, "NodePKPTokenIdNotFound", "PkpExistsCheck");
    }

    @Test
    void sign_pkpWhoseSharesNoNodeHolds_refusedWithNodePKPTokenIdNotFoundAfterAuthorization() {
        Pkp foreign = Pkp.of(SessionKeyFixture.publicKey("99".repeat(32)), List.of(new PkpPermission(PkpPermission.ETH_WALLET,
                OWNER.address().toString().toLowerCase(), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
        net.net().registry().addPkp(foreign);
        JsonValue.JsonObject body = withMember(net.body(digest("x"), sig(sessions(OWNER, PkpNetwork.pkpAndActions()),
                0)), "pubkey", new JsonValue.JsonString("0x" + foreign.publicKey()));

        Reply r = net.sign(0, body, "r-foreign");

        assertEquals(400, r.status(), r::toString);
        assertEquals("NodePKPTokenIdNotFound", r.errorCode(), r::toString);
        assertTrue(r.string("message").contains("this node holds no share"), r::toString);
    }

    @Test
    void sign_sessionWithoutPkpSigning_refusedWithNodeResourceIdNotFound() {
        SessionSigs actionsOnly = sessions(OWNER, LiveSessions.execution("*"));

        Reply r = net.sign(0, net.body(digest("x"), sig(actionsOnly, 0)), "r-nopkp");

        assertRefused(r, 404, "NodeResourceIdNotFound", "PkpSessionCheck");
    }

    @Test
    void sign_walletSessionWithoutActionExecution_refusedByWalletActionGrantCheck() {
        SessionSigs pkpOnly = sessions(OWNER, List.of(ResourceAbilityRequest.of(LitResource.pkp("*"),
                LitAbility.PKP_SIGNING)));

        Reply r = net.sign(0, net.body(digest("x"), sig(pkpOnly, 0)), "r-noaction");

        assertRefused(r, 404, "NodeResourceIdNotFound", "WalletActionGrantCheck");
    }

    @Test
    void sign_walletThePkpDoesNotPermit_refusedWithNodePKPNotAuthorized() {
        Reply r = net.sign(0, net.body(digest("x"), sig(sessions(STRANGER, PkpNetwork.pkpAndActions()), 0)),
                "r-stranger");

        assertRefused(r, 401, "NodePKPNotAuthorized", "PkpCallerCheck");
    }

    @Test
    void sign_walletWithPersonalSignScopeOnly_refusedWithNodeAuthSigScopeTooLimited() {
        Reply r = net.sign(0, net.body(digest("x"), sig(sessions(PERSONAL_ONLY, PkpNetwork.pkpAndActions()), 0)),
                "r-scope");

        assertRefused(r, 401, "NodeAuthSigScopeTooLimited", "PkpCallerCheck");
    }

    @Test
    void sign_afterBadRequests_theNodesKeepServing() {
        SessionSigs sigs = sessions(OWNER, PkpNetwork.pkpAndActions());
        for (int i = 0; i < 3; i++) {
            assertEquals(422, net.sign(i, net.body(new byte[33], sig(sigs, i)), "bad-" + i).status());
            assertEquals(422, net.net().http().post(net.net().url(i) + "/web/pkp/sign/v1", "{\"toSign\":",
                    "X-Request-Id", "bad-json-" + i).status());
        }
        byte[] digest = digest("still serving");

        EcdsaSignature signature = net.combine(signEverywhere(sigs, digest), digest);

        assertEquals(EthAddress.parse(net.pkp().ethAddress(), "pkp"), signature.recoverAddress(digest));
    }

    /** The presignature data of a signer's {@code litjShareCheck}, read as the client reads it. */
    private static ShareCommitments shareCheck(Reply r) {
        JsonValue.JsonObject check = (JsonValue.JsonObject) r.member("litjShareCheck");
        List<Integer> indices = new ArrayList<>();
        Map<Integer, Bytes> k = new HashMap<>();
        Map<Integer, Bytes> sigma = new HashMap<>();
        for (JsonValue v : ((JsonValue.JsonArray) check.get("parties").orElseThrow()).items()) {
            JsonValue.JsonObject p = (JsonValue.JsonObject) v;
            int j = (int) ((JsonValue.JsonNumber) p.get("index").orElseThrow()).value();
            indices.add(j);
            k.put(j, Bytes.fromHex(((JsonValue.JsonString) p.get("k").orElseThrow()).value(), "k"));
            sigma.put(j, Bytes.fromHex(((JsonValue.JsonString) p.get("sigma").orElseThrow()).value(), "sigma"));
        }
        String bigR = ((JsonValue.JsonString) ((JsonValue.JsonObject) r.member("signatureShare")).get("big_r")
                .orElseThrow()).value().replace("\"", "");
        return ShareCommitments.parse(new Participants(indices, 2), Bytes.fromHex(bigR, "big_r"), k, sigma);
    }

    private static JsonValue.JsonObject withMember(JsonValue.JsonObject body, String name, JsonValue value) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        body.members().forEach(b::put);
        return b.put(name, value).build();
    }

    private static Set<String> boundIds(Path nodeDir) throws IOException {
        Set<String> out = new HashSet<>();
        Path root = nodeDir.resolve(PresignatureStore.DIR);
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().equals(BindJournal.FILE)) {
                    Files.readAllLines(f).forEach(line -> out.add(line.substring(0, 32)));
                }
            }
        }
        return out;
    }

    /**
     * Background refills may still write (a temporary file can vanish under the walk): the walk is then read again,
     * a bounded number of times; the rule checked holds at every moment.
     */
    private static void assertNoSecretBesideABoundRecord(Path nodeDir) throws IOException {
        Path root = nodeDir.resolve(PresignatureStore.DIR);
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().equals(BindJournal.FILE)) {
                        for (String line : Files.readAllLines(f)) {
                            assertFalse(Files.exists(f.resolveSibling(line.substring(0, 32) + ".secret")), line);
                        }
                    }
                }
                return;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 100) {
                    throw e;
                }
            }
        }
    }
}
