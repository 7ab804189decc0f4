package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.auth.AccAuthGate;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.ratelimit.PaidRoute;
import io.litj.node.keys.NetworkKeyShares;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsSignatureShare;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code POST /web/signing/access_control_condition} (and {@code /v1}): this node's BLS share of a JWT saying the
 * caller meets the conditions ({@code lit-node-behaviour.md} §1.6; {@code js-sdk-v7-wire-format.md} §8.5). Steps, in
 * order: the condition set (counted first); {@code iat} within now ± {@value #GRACE_SECONDS} s
 * ({@code NodeIatOutsideGracePeriod}, 403); {@code exp} within [now − {@value #GRACE_SECONDS} s, now +
 * {@value #GRACE_SECONDS} s + {@value #MAX_JWT_SECONDS} s] ({@code NodeExpWrongOrTooLarge}, 403), both bounds
 * included; the {@code authSig} for {@code lit-accesscontrolcondition://<accHash>} with
 * {@code access-control-condition-signing}; the evaluation; then the share over the ASCII bytes of the
 * {@link UnsignedJwt}. Answer: {@code {"result":"success","signatureShare":{"ProofOfPossession":…},"shareIndex":n,
 * "unsignedJwt":"…"}}.
 */
public final class SigningAccEndpoint implements Endpoint {
    /** Clock skew allowed on {@code iat} and {@code exp}, in seconds (Datil). */
    static final long GRACE_SECONDS = 180;
    /** Longest JWT lifetime after now, in seconds (Datil's {@code MAX_JWT_EXPIRATION}, 12 h). */
    static final long MAX_JWT_SECONDS = 43_200;

    private final AccGuard guard;
    private final RootShareSigner signer;
    private final Clock clock;

    /**
     * @param self this node (its index is the share's)
     * @param keys its root key share
     * @param gate authorizes the request's {@code authSig}
     * @param evaluator evaluates the conditions
     * @param capacity charges a capacity credit once the caller is proven
     * @param clock judges {@code iat} and {@code exp}
     */
    public SigningAccEndpoint(NodeEntry self, NetworkKeyShares keys, AccAuthGate gate, ConditionEvaluator evaluator,
            CapacityGate capacity, Clock clock) {
        this.guard = new AccGuard(gate, evaluator, capacity, PaidRoute.SIGNING_ACC);
        this.signer = new RootShareSigner(self, keys);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        JsonValue.JsonObject body = request.body();
        ConditionSet set = AccGuard.conditions(body);
        long iat = AccGuard.seconds(body, "iat");
        long exp = AccGuard.seconds(body, "exp");
        long now = clock.instant().getEpochSecond();
        if (iat < now - GRACE_SECONDS || iat > now + GRACE_SECONDS) {
            throw new LitNodeException(LitErrorCode.NodeIatOutsideGracePeriod, "iat " + iat + " lies more than "
                    + GRACE_SECONDS + " s from now (" + now + ")");
        }
        if (exp < now - GRACE_SECONDS || exp > now + GRACE_SECONDS + MAX_JWT_SECONDS) {
            throw new LitNodeException(LitErrorCode.NodeExpWrongOrTooLarge, "exp " + exp + " must lie in ["
                    + (now - GRACE_SECONDS) + ", " + (now + GRACE_SECONDS + MAX_JWT_SECONDS) + "]");
        }
        EthAddress caller = guard.admit(body, set, AccIdentity::signingRequest);
        String jwt = UnsignedJwt.of(caller, RequestBodies.optionalString(body, "chain"), iat, exp, set);
        BlsSignatureShare share = signer.sign(jwt.getBytes(StandardCharsets.US_ASCII));
        return NodeResponse.ok(JsonValue.object()
                .put("result", "success")
                .put("signatureShare", RootShareSigner.wire(share))
                .put("shareIndex", new JsonValue.JsonNumber(signer.index()))
                .put("unsignedJwt", jwt)
                .build());
    }
}
