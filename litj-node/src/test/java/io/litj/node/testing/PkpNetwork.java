package io.litj.node.testing;

import io.litj.node.actions.ActionLimits;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.protocol.json.JsJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link NodeNetwork} with one PKP made by a DKG among its nodes and registered with {@code permissions}, and
 * the bodies and answers of {@code /web/pkp/sign/v1} as the JS SDK 7.4.0 sends and combines them
 * ({@code js-sdk-v7-wire-format.md} §8.3).
 */
public final class PkpNetwork implements AutoCloseable {
    private final NodeNetwork net;
    private final Pkp pkp;

    private PkpNetwork(NodeNetwork net, Pkp pkp) {
        this.net = net;
        this.pkp = pkp;
    }

    /** {@code n} nodes in {@code dir}; the PKP permits what {@code permissions} say (ids of type 1: addresses). */
    public static PkpNetwork start(Path dir, int n, Clock clock, List<PkpPermission> permissions) {
        return start(dir, n, clock, NodeNetwork.QUICK_LIMITS, permissions);
    }

    /** As above, the nodes running Lit Actions under {@code limits}. */
    public static PkpNetwork start(Path dir, int n, Clock clock, ActionLimits limits,
            List<PkpPermission> permissions) {
        NodeNetwork net = NodeNetwork.start(dir, n, clock, limits);
        try {
            List<JsonValue.JsonObject> statuses = net.dkg("pkp-" + System.nanoTime(), "pkp",
                    net.registry().network().threshold());
            String tokenId = ((JsonValue.JsonString) statuses.getFirst().get("tokenId").orElseThrow()).value();
            Bytes key = KeyShareStore.open(net.nodeDir(0)).pkpShare(tokenId).orElseThrow().publicKey();
            Pkp pkp = Pkp.of(key.toByteArray(), permissions);
            net.registry().addPkp(pkp);
            return new PkpNetwork(net, pkp);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    public NodeNetwork net() {
        return net;
    }

    public Pkp pkp() {
        return pkp;
    }

    /** {@code pkp-signing} on every PKP and execution of every action: what a wallet session needs. */
    public static List<ResourceAbilityRequest> pkpAndActions() {
        return List.of(ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING),
                ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
    }

    /** {@code {"toSign":[…],"pubkey":"0x…","authSig":…,"epoch":1}}. */
    public JsonValue.JsonObject body(byte[] toSign, AuthSig authSig) {
        List<JsonValue> bytes = new ArrayList<>();
        for (byte b : toSign) {
            bytes.add(new JsonValue.JsonNumber(b & 0xff));
        }
        return JsonValue.object().put("toSign", new JsonValue.JsonArray(bytes)).put("pubkey", "0x" + pkp.publicKey())
                .put("authSig", authSig.toJson()).put("epoch", new JsonValue.JsonNumber(1)).build();
    }

    /** POSTs {@code body} to node {@code index} with {@code X-Request-Id: requestId}. */
    public NodeHttp.Reply sign(int index, JsonValue.JsonObject body, String requestId) {
        return net.http().post(net.url(index) + "/web/pkp/sign/v1", body, "X-Request-Id", requestId);
    }

    /** The shares of the answers whose {@code result} is {@code success}, read as the combiner reads them. */
    public static List<EcdsaSignatureShare> successShares(List<NodeHttp.Reply> replies) {
        List<EcdsaSignatureShare> out = new ArrayList<>();
        for (NodeHttp.Reply r : replies) {
            JsonValue.JsonObject share = (JsonValue.JsonObject) r.member("signatureShare");
            if (share.get("result").orElseThrow().equals(new JsonValue.JsonString("success"))) {
                out.add(EcdsaSignatureShare.parseWire(JsJson.stringify(share)));
            }
        }
        return out;
    }

    /** Combines and verifies the successful shares of {@code replies} for {@code digest}. */
    public EcdsaSignature combine(List<NodeHttp.Reply> replies, byte[] digest) {
        return EcdsaCombiner.combine(successShares(replies), Bytes.fromHex(pkp.publicKey(), "pkp"), digest);
    }

    @Override
    public void close() {
        net.close();
    }
}
