package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.PkpPermission;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.PkpNetwork;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Lit.Actions.signEcdsa} and {@code ethPersonalSignMessageEcdsa} in {@code /web/execute/v1} on three real
 * nodes: the {@code signedData} shares of the signing set combine into a signature of the PKP; an action the PKP
 * does not permit, or permits for personal signing only, is refused inside the action with Datil's code;
 * {@code signAndCombineEcdsa} gives every node the combined signature, and the permission functions answer from the
 * registry.
 */
class ActionSignNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex("77".repeat(32));
    private static final SessionKeyPair KEY = SessionKeyPair.fromSeed(Hex.decode("88".repeat(32), "seed"));
    private static final String SIGN = """
            (async () => {
              const r = await Lit.Actions.signEcdsa({toSign: new Uint8Array(digest), publicKey, sigName: 'sig1'});
              Lit.Actions.setResponse({response: r});
            })();""";
    private static final String PERSONAL = """
            (async () => {
              await Lit.Actions.ethPersonalSignMessageEcdsa({message, publicKey, sigName: 'personal'});
            })();""";
    private static final String UNPERMITTED = SIGN + "\n// another action";
    private static final String COMBINE = """
            (async () => {
              const sig = await Lit.Actions.signAndCombineEcdsa({toSign: new Uint8Array(digest), publicKey,
                  sigName: 'combined'});
              Lit.Actions.setResponse({response: sig});
            })();""";
    private static final String PERMISSIONS = """
            (async () => {
              const tokenId = Lit.Actions.pubkeyToTokenId({publicKey});
              const out = {
                tokenId,
                signPermitted: await Lit.Actions.isPermittedAction({tokenId, ipfsId: signCid}),
                otherPermitted: await Lit.Actions.isPermittedAction({tokenId, ipfsId: 'QmNotPermitted'}),
                actions: await Lit.Actions.getPermittedActions({tokenId}),
                addresses: await Lit.Actions.getPermittedAddresses({tokenId}),
              };
              try {
                await Lit.Actions.getPermittedActions({tokenId: 'not a number'});
              } catch (e) {
                out.refusal = e.message;
              }
              Lit.Actions.setResponse({response: JSON.stringify(out)});
            })();""";
    /** Calls signEcdsa, but the PKP permits it for personal signing only. */
    private static final String SIGN_PERSONAL_SCOPE = SIGN + "\n// permitted with scope 2";

    @TempDir
    static Path dir;

    private static PkpNetwork net;
    private static SessionSigs sigs;
    private int requests;

    @BeforeAll
    static void start() {
        net = PkpNetwork.start(dir, 3, CLOCK, ActionLimits.defaults().withTimeout(Duration.ofSeconds(60)), List.of(
                new PkpPermission(PkpPermission.LIT_ACTION, cid(SIGN), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING)),
                new PkpPermission(PkpPermission.LIT_ACTION, cid(PERSONAL), Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)),
                new PkpPermission(PkpPermission.LIT_ACTION, cid(SIGN_PERSONAL_SCOPE),
                        Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)),
                new PkpPermission(PkpPermission.LIT_ACTION, cid(COMBINE), Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))));
        sigs = new LiveSessions(CLOCK, STRANGER, KEY).anyAction(net.net().urls());
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static String cid(String code) {
        return IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
    }

    private List<Reply> executeEverywhere(String code, JsonValue.JsonObject params) {
        String requestId = "exec-" + (++requests) + "-" + System.nanoTime();
        List<Reply> replies = Arrays.asList(new Reply[3]);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int node = i;
            threads.add(Thread.ofVirtual().start(() -> replies.set(node, net.net().http().post(
                    net.net().url(node) + "/web/execute/v1", ExecuteBodies.code(code, params,
                            sigs.forNode(net.net().url(node)).orElseThrow().toAuthSig()), "X-Request-Id", requestId))));
        }
        threads.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        return replies;
    }

    private static JsonValue.JsonObject params(Object... pairs) {
        JsonValue.ObjectBuilder b = JsonValue.object().put("publicKey", "0x" + net.pkp().publicKey());
        for (int i = 0; i < pairs.length; i += 2) {
            b.put((String) pairs[i], (JsonValue) pairs[i + 1]);
        }
        return b.build();
    }

    private static JsonValue bytes(byte[] data) {
        List<JsonValue> out = new ArrayList<>();
        for (byte b : data) {
            out.add(new JsonValue.JsonNumber(b & 0xff));
        }
        return new JsonValue.JsonArray(out);
    }

    /** The shares under {@code sigName} with a non-empty {@code signatureShare}, read as the JS SDK reads them. */
    private static List<EcdsaSignatureShare> shares(List<Reply> replies, String sigName) {
        List<EcdsaSignatureShare> out = new ArrayList<>();
        for (Reply r : replies) {
            assertEquals(200, r.status(), r::toString);
            JsonValue.JsonObject e = (JsonValue.JsonObject) ((JsonValue.JsonObject) r.member("signedData"))
                    .get(sigName).orElseThrow(() -> new AssertionError("no " + sigName + " in " + r));
            assertEquals(List.of("sigType", "dataSigned", "signatureShare", "shareIndex", "bigR", "publicKey",
                    "sigName"), List.copyOf(e.members().keySet()));
            String share = unquote(e, "signatureShare");
            if (!share.isEmpty()) {
                out.add(new EcdsaSignatureShare(out.size() + 1, Bytes.fromHex(share, "share"),
                        Bytes.fromHex(unquote(e, "bigR"), "bigR"), Bytes.fromHex(unquote(e, "dataSigned"), "d"),
                        Bytes.fromHex(unquote(e, "publicKey"), "key")));
            }
        }
        return out;
    }

    private static String unquote(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow()).value().replace("\"", "");
    }

    private static EthAddress pkpAddress() {
        return EthAddress.parse(net.pkp().ethAddress(), "pkp");
    }

    @Test
    void signEcdsa_actionThePkpPermits_sharesInSignedDataCombineAndRecoverToThePkp() {
        byte[] digest = Hashes.keccak256("signed inside an action");

        List<Reply> replies = executeEverywhere(SIGN, params("digest", bytes(digest)));

        List<EcdsaSignatureShare> shares = shares(replies, "sig1");
        assertEquals(2, shares.size(), replies::toString);
        EcdsaSignature signature = EcdsaCombiner.combine(shares, Bytes.fromHex(net.pkp().publicKey(), "k"), digest);
        assertEquals(pkpAddress(), signature.recoverAddress(digest));
        assertEquals("success", replies.getFirst().string("response"));
    }

    @Test
    void signAndCombineEcdsa_actionThePkpPermits_everyNodeGetsDatilsSignatureJsonOfThePkp() {
        byte[] digest = Hashes.keccak256("combined inside an action");

        List<Reply> replies = executeEverywhere(COMBINE, params("digest", bytes(digest)));

        String response = replies.getFirst().string("response");
        for (Reply r : replies) {
            assertEquals(200, r.status(), r::toString);
            assertEquals(response, r.string("response"));
            assertEquals(JsonValue.JsonObject.empty(), r.member("signedData"));
        }
        JsonValue.JsonObject sig = JsonReader.parseObject(response, LitErrorCode.NodeBadInput, "signature");
        assertEquals(List.of("r", "s", "v"), List.copyOf(sig.members().keySet()));
        String r = ((JsonValue.JsonString) sig.get("r").orElseThrow()).value();
        int v = (int) ((JsonValue.JsonNumber) sig.get("v").orElseThrow()).value();
        assertEquals(v == 0 ? "02" : "03", r.substring(0, 2));
        EcdsaSignature signature = new EcdsaSignature(Bytes.fromHex(r.substring(2), "r"),
                Bytes.fromHex(((JsonValue.JsonString) sig.get("s").orElseThrow()).value(), "s"), v);
        assertEquals(pkpAddress(), signature.recoverAddress(digest));
    }

    @Test
    void permissionFunctions_inAnAction_answerFromTheRegistry() {
        Reply r = net.net().http().post(net.net().url(1) + "/web/execute/v1", ExecuteBodies.code(PERMISSIONS,
                params("signCid", new JsonValue.JsonString(cid(SIGN))),
                sigs.forNode(net.net().url(1)).orElseThrow().toAuthSig()), "X-Request-Id", "permissions");

        assertEquals(200, r.status(), r::toString);
        JsonValue.JsonObject out = JsonReader.parseObject(r.string("response"), LitErrorCode.NodeBadInput, "out");
        assertEquals(new JsonValue.JsonString(new BigInteger(net.pkp().tokenId(), 16).toString()),
                out.get("tokenId").orElseThrow());
        assertEquals(new JsonValue.JsonBoolean(true), out.get("signPermitted").orElseThrow());
        assertEquals(new JsonValue.JsonBoolean(false), out.get("otherPermitted").orElseThrow());
        List<String> actions = ((JsonValue.JsonArray) out.get("actions").orElseThrow()).items().stream()
                .map(v -> ((JsonValue.JsonString) v).value()).toList();
        assertEquals(List.of(cid(SIGN), cid(PERSONAL), cid(SIGN_PERSONAL_SCOPE), cid(COMBINE)), actions);
        assertEquals(new JsonValue.JsonArray(List.of()), out.get("addresses").orElseThrow());
        assertEquals(new JsonValue.JsonString("LitActions.getPermittedActions: tokenId must be a uint256 as decimal "
                + "or 0x-hex text"), out.get("refusal").orElseThrow());
    }

    @Test
    void ethPersonalSignMessageEcdsa_actionWithPersonalSignScope_signsTheEip191HashOfTheMessage() {
        String message = "hello from a Lit Action";

        List<Reply> replies = executeEverywhere(PERSONAL, params("message", new JsonValue.JsonString(message)));

        byte[] hash = Eip191.hash(message);
        EcdsaSignature signature = EcdsaCombiner.combine(shares(replies, "personal"),
                Bytes.fromHex(net.pkp().publicKey(), "k"), hash);
        assertEquals(pkpAddress(), signature.recoverAddress(hash));
    }

    @Test
    void signEcdsa_actionWithPersonalSignScopeOnly_failsWithNodeAuthSigScopeTooLimited() {
        Reply r = net.net().http().post(net.net().url(0) + "/web/execute/v1", ExecuteBodies.code(SIGN_PERSONAL_SCOPE,
                params("digest", bytes(new byte[32])), sigs.forNode(net.net().url(0)).orElseThrow().toAuthSig()),
                "X-Request-Id", "scope-only");

        assertTrue(r.status() >= 400, r::toString);
        assertTrue(r.text().contains("NodeAuthSigScopeTooLimited"), r::toString);
    }

    @Test
    void signEcdsa_actionThePkpDoesNotPermit_failsWithNodePKPNotAuthorized() {
        Reply r = net.net().http().post(net.net().url(0) + "/web/execute/v1", ExecuteBodies.code(UNPERMITTED,
                params("digest", bytes(new byte[32])), sigs.forNode(net.net().url(0)).orElseThrow().toAuthSig()),
                "X-Request-Id", "unpermitted");

        assertTrue(r.status() >= 400, r::toString);
        assertTrue(r.text().contains("NodePKPNotAuthorized"), r::toString);
    }
}
