package io.litj.client.testing;

import io.litj.client.RawHttpResponse;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Nodes with shares of a network BLS key, answering through a {@link RecordingNodeTransport}: the handshake
 * (announcing the network key), the block-hash URL, and {@code sign_session_key} by BLS-signing, each with its own
 * share, the SIWE the client proposed (real nodes rebuild it; echoing it is enough for the client's side). The key
 * the nodes sign with can differ from the one they announce, to play nodes whose shares do not combine.
 */
public final class FakeBlsNetwork {
    public static final String BLOCKHASH = "0x" + "ab".repeat(32);

    private final List<String> nodeUrls;
    private final int threshold;
    private final SecureRandom random;
    private volatile Key announced;
    private volatile Key signing;
    private final FakeAccAnswers acc = new FakeAccAnswers();

    /** A network key and its shares, one per node (identifier = node index + 1). */
    private record Key(BlsPublicKey publicKey, List<BlsSecretKeyShare> shares) {
    }

    public FakeBlsNetwork(List<String> nodeUrls, int threshold, SecureRandom random) {
        this.nodeUrls = List.copyOf(nodeUrls);
        this.threshold = threshold;
        this.random = random;
        this.announced = newKey();
        this.signing = announced;
    }

    /** The announced network key. */
    public BlsPublicKey publicKey() {
        return announced.publicKey();
    }

    /** From now on the nodes sign with shares of another key, still announcing the old one. */
    public void signWithAnotherKey() {
        signing = newKey();
    }

    /** From now on the nodes announce, and sign with, a new key (a network that ran a new DKG). */
    public void newNetworkKey() {
        announced = newKey();
        signing = announced;
    }

    /** The answer to {@code call}. */
    public RawHttpResponse answer(RecordingNodeTransport.Call call) {
        if (call.path().endsWith("/get_most_recent_valid_block")) {
            return json("{\"blockhash\":\"" + BLOCKHASH + "\",\"timestamp\":1735689600}");
        }
        if (call.path().endsWith("/web/sign_session_key/v1")) {
            return signSessionKey(call);
        }
        if (call.path().equals(FakeAccAnswers.ENCRYPTION_SIGN) || call.path().equals(FakeAccAnswers.SIGN_ACCS)) {
            int node = nodeIndex(call);
            return acc.answer(call, node, signing.shares().get(node));
        }
        return json("{\"serverPublicKey\":\"\",\"subnetPublicKey\":\"" + announced.publicKey().toHex()
                + "\",\"networkPublicKey\":\"" + announced.publicKey().toHex() + "\",\"networkPublicKeySet\":\"ERR\","
                + "\"hdRootPubkeys\":[],\"latestBlockhash\":\"" + BLOCKHASH + "\",\"epoch\":3}");
    }

    /** How the nodes answer {@code /web/encryption/sign/} and {@code /web/signing/access_control_condition/v1}. */
    public FakeAccAnswers acc() {
        return acc;
    }

    private int nodeIndex(RecordingNodeTransport.Call call) {
        return nodeUrls.indexOf(call.url().getScheme() + "://" + call.url().getAuthority());
    }

    private RawHttpResponse signSessionKey(RecordingNodeTransport.Call call) {
        BlsSecretKeyShare share = signing.shares().get(nodeIndex(call));
        JsonValue.JsonObject body = JsonReader.parseObject(call.body(), LitErrorCode.NodeParserError, "body");
        String siwe = ((JsonValue.JsonString) body.get("siweMessage").orElseThrow()).value();
        byte[] message = BlsSessionMessage.of(siwe);
        JsonValue.JsonObject answer = JsonValue.object().put("result", "success")
                .put("signatureShare", JsonReader.parse(share.sign(message).toWireJson(), LitErrorCode.NodeParserError,
                        "share"))
                .put("shareIndex", new JsonValue.JsonNumber(share.identifier() - 1)).put("curveType", "BLS")
                .put("siweMessage", siwe).put("dataSigned", Hex.encode(message))
                .put("blsRootPubkey", announced.publicKey().toHex()).build();
        return json(JsJson.stringify(answer));
    }

    private Key newKey() {
        SecretScalar secret = SecretScalar.random(Group.BLS12_381_G1, random);
        List<BlsSecretKeyShare> shares = new ArrayList<>();
        for (Share s : Shamir.split(secret, threshold, nodeUrls.size(), random)) {
            shares.add(BlsSecretKeyShare.of(s));
        }
        return new Key(BlsSecretKey.of(secret).publicKey(), List.copyOf(shares));
    }

    private static RawHttpResponse json(String body) {
        return new RawHttpResponse(200, "application/json", body);
    }
}
