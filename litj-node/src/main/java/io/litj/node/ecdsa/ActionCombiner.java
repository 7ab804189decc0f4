package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.node.auth.PkpSignGrant;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Lit.Actions.signAndCombineEcdsa} on one node ({@code lit-node-behaviour.md} §13, {@code docs/ecdsa-node.md}):
 * the node makes its share as {@code signEcdsa} does ({@link PkpSigner#sign}), then every live node broadcasts its
 * share, or nothing outside the signing set, over the authenticated peer API (run kind {@code combine}, session
 * derived from the token id, request id and digest), and each node sums the shares it received and verifies the sum
 * under the PKP key ({@link EcdsaCombiner}). So every node's action gets the same signature, and no share leaves the
 * nodes. A member whose share fails still takes part with an empty message, so the others fail at once rather than
 * at the deadline. Thread-safe.
 */
public final class ActionCombiner {
    /** Longest the exchange waits for the other nodes (their shares may need a presignature made on demand). */
    public static final Duration TIMEOUT = PkpSigner.ON_DEMAND_TIMEOUT.plus(PkpSigner.AGREEMENT_TIMEOUT)
            .plusSeconds(20);

    private final PkpSigner signer;

    public ActionCombiner(PkpSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * The signature of {@code grant}'s digest by its PKP, combined from the signing set's shares and verified.
     *
     * @param requestId the id every node got with the request, with the action's {@code sigName}
     * @throws LitNodeException as {@link PkpSigner#sign} throws; {@code NodeSystemFault} if fewer than {@code t}
     *     nodes answer, the exchange fails or times out, or the shares do not sum to a signature that verifies
     */
    public EcdsaSignature signAndCombine(PkpSignGrant grant, String requestId) {
        Participants everyone = signer.sets().live();
        Optional<SignatureShare> mine;
        LitNodeException failed = null;
        try {
            mine = signer.sign(grant, requestId);
        } catch (LitNodeException e) {
            mine = Optional.empty();
            failed = e;
        }
        Bytes publicKey = Bytes.fromHex(grant.pkp().publicKey(), "publicKey");
        byte[] session = PresignMaker.seed("litj-action-combine", grant.pkp().tokenId(), requestId,
                grant.digest().hex());
        List<EcdsaSignatureShare> shares = signer.runs().run("combine", session, everyone,
                new ShareBroadcast(everyone, signer.runs().selfIndex(), grant.digest(), publicKey, mine), TIMEOUT);
        if (failed != null) {
            throw failed;
        }
        return combine(shares, everyone.threshold(), publicKey, grant.digest());
    }

    /**
     * The verified sum of {@code shares}.
     *
     * @throws LitNodeException {@code NodeSystemFault} for fewer than {@code threshold} shares, or shares that do
     *     not sum to a signature that verifies under {@code publicKey}
     */
    static EcdsaSignature combine(List<EcdsaSignatureShare> shares, int threshold, Bytes publicKey, Bytes digest) {
        if (shares.size() < threshold) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "only " + shares.size() + " signature shares "
                    + "arrived; combining needs " + threshold);
        }
        try {
            return EcdsaCombiner.combine(shares, publicKey, digest.toByteArray());
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the signature shares do not combine: "
                    + e.getMessage());
        }
    }
}
