package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.auth.AccAuthGate;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.ratelimit.PaidRoute;
import io.litj.node.keys.NetworkKeyShares;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsSignatureShare;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /web/encryption/sign} (and {@code /v1}): this node's BLS share of the decryption key of one
 * ciphertext ({@code lit-node-behaviour.md} §1.5, §6; {@code js-sdk-v7-wire-format.md} §8.4). Steps, in order: the
 * condition set (counted first, {@link AccGuard#conditions}); {@code dataToEncryptHash}, 64 lowercase hex digits
 * ({@code NodeBadInput}); the {@code authSig} for {@code lit-accesscontrolcondition://<accHash>/<dataToEncryptHash>}
 * with {@code access-control-condition-decryption}; the evaluation
 * ({@code NodeAccessControlConditionsReturnedNotAuthorized}); then the share over the UTF-8 identity. Answer, as the
 * JS SDK reads it: {@code {"result":"success","signatureShare":{"ProofOfPossession":"<194 hex>"},"shareIndex":n}}.
 * {@code chain} and {@code epoch} are accepted and not used (each condition names its chain; one root key).
 */
public final class EncryptionSignEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptionSignEndpoint.class);

    private final AccGuard guard;
    private final RootShareSigner signer;

    /**
     * @param self this node (its index is the share's)
     * @param keys its root key share
     * @param gate authorizes the request's {@code authSig}
     * @param evaluator evaluates the conditions
     * @param capacity charges a capacity credit once the caller is proven
     */
    public EncryptionSignEndpoint(NodeEntry self, NetworkKeyShares keys, AccAuthGate gate,
            ConditionEvaluator evaluator, CapacityGate capacity) {
        this.guard = new AccGuard(gate, evaluator, capacity, PaidRoute.ENCRYPTION_SIGN);
        this.signer = new RootShareSigner(self, keys);
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        JsonValue.JsonObject body = request.body();
        ConditionSet set = AccGuard.conditions(body);
        AccIdentity identity;
        try {
            identity = new AccIdentity(set.hashHex(), RequestBodies.requiredString(body, "dataToEncryptHash"));
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
        EthAddress caller = guard.admit(body, set, s -> identity.decryptionRequest());
        BlsSignatureShare share = signer.sign(identity.message());
        LOG.debug("[{}] decryption share for {} to {}", request.correlationId(), identity, caller);
        return NodeResponse.ok(JsonValue.object()
                .put("result", "success")
                .put("signatureShare", RootShareSigner.wire(share))
                .put("shareIndex", new JsonValue.JsonNumber(signer.index()))
                .build());
    }
}
