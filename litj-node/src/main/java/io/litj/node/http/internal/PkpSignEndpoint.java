package io.litj.node.http.internal;

import io.litj.node.auth.PkpSignAuthorizer;
import io.litj.node.auth.PkpSignGrant;
import io.litj.node.auth.PkpSignBody;
import io.litj.node.ecdsa.PkpSigner;
import io.litj.node.ecdsa.SignatureShare;
import io.litj.node.metrics.PkpSignPhase;
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
 * A node outside the signing set answers {@code "result":"fail"} with empty strings. A node of the set adds the
 * litj-only member {@value #SHARE_CHECK} after these three.
 */
public final class PkpSignEndpoint implements Endpoint {
    /** The litj-only member of a signing-set node's answer ({@link #shareCheckJson}). */
    public static final String SHARE_CHECK = "litjShareCheck";
    private final PkpSignAuthorizer authorizer;
    private final PkpSigner signer;
    private final CapacityGate capacity;
    private final PkpSignPhase.Recorder phases;

    /** @param phases where the authorization and capacity phases are timed (the signer times its own) */
    public PkpSignEndpoint(PkpSignAuthorizer authorizer, PkpSigner signer, CapacityGate capacity,
            PkpSignPhase.Recorder phases) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.phases = Objects.requireNonNull(phases, "phases");
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        long t0 = System.nanoTime();
        PkpSignGrant grant = authorizer.authorize(PkpSignBody.fromBody(request.body()));
        long t1 = System.nanoTime();
        phases.record(PkpSignPhase.AUTHORIZE, t1 - t0);
        capacity.charge(Payer.of(grant.auth()), PaidRoute.PKP_SIGN);
        phases.record(PkpSignPhase.CAPACITY, System.nanoTime() - t1);
        String requestId = request.header("x-request-id").or(() -> request.header("x-correlation-id")).orElse("");
        Optional<SignatureShare> share = signer.sign(grant, requestId);
        JsonValue.ObjectBuilder answer = JsonValue.object()
                .put("success", new JsonValue.JsonBoolean(true))
                .put("signedData", bytes(grant.digest()))
                .put("signatureShare", share.map(PkpSignEndpoint::shareJson).orElseGet(PkpSignEndpoint::failJson));
        share.flatMap(PkpSignEndpoint::shareCheckJson).ifPresent(check -> answer.put(SHARE_CHECK, check));
        return NodeResponse.ok(answer.build());
    }

    /**
     * The litj-only member after Datil's three, for a node of the signing set: its share index and the presignature's
     * public data, with which the client checks every share by itself ({@code docs/pkp-sign-client.md}):
     * {@code {"shareIndex":2,"parties":[{"index":1,"k":"02…","sigma":"03…"},…]}} (compressed points, lowercase hex).
     * The JS SDK reads only {@code signatureShare} and ignores it.
     */
    static Optional<JsonValue.JsonObject> shareCheckJson(SignatureShare share) {
        return share.commitments().map(c -> {
            List<JsonValue> parties = new ArrayList<>();
            for (int j : c.participants().indices()) {
                parties.add(JsonValue.object().put("index", new JsonValue.JsonNumber(j))
                        .put("k", c.bigK(j).toBytes().hex()).put("sigma", c.bigSigma(j).toBytes().hex()).build());
            }
            return JsonValue.object().put("shareIndex", new JsonValue.JsonNumber(share.shareIndex()))
                    .put("parties", new JsonValue.JsonArray(parties)).build();
        });
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
