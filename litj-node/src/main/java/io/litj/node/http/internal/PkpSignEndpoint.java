package io.litj.node.http.internal;

import io.litj.node.auth.PkpSignAuthorizer;
import io.litj.node.auth.PkpSignGrant;
import io.litj.node.auth.PkpSignBody;
import io.litj.node.ecdsa.PkpSigner;
import io.litj.node.ecdsa.SignatureShare;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.ratelimit.PaidRoute;
import io.litj.node.ratelimit.Payer;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /web/pkp/sign/v1} (and {@code /web/pkp/sign}): this node's ECDSA signature share with a PKP
 * ({@code lit-node-behaviour.md} §1.7, §7; {@code js-sdk-v7-wire-format.md} §8.3). The {@link PkpSignAuthorizer}
 * and then the {@link CapacityGate} refuse before any signing work (a full credit: 400 {@code rate_limit_exceeded},
 * as Datil); then the {@link PkpSigner} adds this node's share, or none when the node is not
 * in the request's signing set. Answer, as Datil writes it (snake_case; hex values uppercase inside JSON quotes):
 * <pre>
 * {"success":true,"signedData":[…32 bytes…],"signatureShare":{"digest":"\"7D87…\"","result":"success",
 *  "share_index":0,"signature_share":"\"3ED0…\"","big_r":"\"0332…\"","public_key":"\"0415…\"","sig_type":"K256"}}
 * </pre>
 * A node outside the signing set answers {@code "result":"fail"} with empty strings.
 */
public final class PkpSignEndpoint implements Endpoint {
    private final PkpSignAuthorizer authorizer;
    private final PkpSigner signer;
    private final CapacityGate capacity;

    public PkpSignEndpoint(PkpSignAuthorizer authorizer, PkpSigner signer, CapacityGate capacity) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        PkpSignGrant grant = authorizer.authorize(PkpSignBody.fromBody(request.body()));
        capacity.charge(Payer.of(grant.auth()), PaidRoute.PKP_SIGN);
        String requestId = request.header("x-request-id").or(() -> request.header("x-correlation-id")).orElse("");
        Optional<SignatureShare> share = signer.sign(grant, requestId);
        return NodeResponse.ok(JsonValue.object()
                .put("success", new JsonValue.JsonBoolean(true))
                .put("signedData", bytes(grant.digest()))
                .put("signatureShare", share.map(PkpSignEndpoint::shareJson).orElseGet(PkpSignEndpoint::failJson))
                .build());
    }

    /** Datil's share object for a node of the signing set. */
    static JsonValue.JsonObject shareJson(SignatureShare share) {
        return JsonValue.object()
                .put("digest", quoted(share.digest()))
                .put("result", "success")
                .put("share_index", new JsonValue.JsonNumber(0))
                .put("signature_share", quoted(share.share()))
                .put("big_r", quoted(share.bigR()))
                .put("public_key", quoted(share.publicKey()))
                .put("sig_type", "K256")
                .build();
    }

    private static JsonValue.JsonObject failJson() {
        return JsonValue.object()
                .put("digest", "")
                .put("result", "fail")
                .put("share_index", new JsonValue.JsonNumber(0))
                .put("signature_share", "")
                .put("big_r", "")
                .put("public_key", "")
                .put("sig_type", "K256")
                .build();
    }

    private static String quoted(Bytes value) {
        return "\"" + value.hex().toUpperCase(Locale.ROOT) + "\"";
    }

    private static JsonValue bytes(Bytes value) {
        List<JsonValue> out = new ArrayList<>();
        for (byte b : value.toByteArray()) {
            out.add(new JsonValue.JsonNumber(b & 0xff));
        }
        return new JsonValue.JsonArray(out);
    }
}
