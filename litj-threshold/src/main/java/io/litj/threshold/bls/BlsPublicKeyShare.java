package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import java.util.Objects;

/**
 * The public half of a {@link BlsSecretKeyShare}: lets anyone check one node's partial signature
 * ({@link Bls#verifyShare}). A DKG publishes enough to compute every node's public key share
 * ({@code DkgResult.publicShare}).
 *
 * @param identifier share identifier, {@code 1..255}
 * @param publicKey {@code f(identifier) · G1}
 */
public record BlsPublicKeyShare(int identifier, BlsPublicKey publicKey) {
    /**
     * @throws io.litj.threshold.ThresholdException {@code InvalidArgument} for an identifier outside {@code 1..255}
     */
    public BlsPublicKeyShare {
        BlsSignatureShare.checkIdentifier(identifier, LitErrorCode.InvalidArgument);
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
