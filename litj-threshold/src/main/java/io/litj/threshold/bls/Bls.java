package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import supranational.blst.BLST_ERROR;

/**
 * BLS12-381 signature verification in Lit's ciphersuite ({@code lit-node-behaviour.md} §4): the "minimal public
 * key" variant (public keys in G1, signatures in G2), proof-of-possession scheme, hash-to-curve per RFC 9380 with
 * the DST {@value #SIGNATURE_DST}. A signature verifies when {@code e(pk, H(m)) == e(G1, sig)}.
 *
 * <p>Thread-safe; no state.
 *
 * <p>Security: the key and signature types can only hold subgroup points other than the identity, so a check
 * here never sees an identity or small-subgroup point. The {@code lit-node-behaviour.md} §10 item 15 rules (POP
 * DST, reject identity and non-subgroup points) are therefore enforced by construction.
 */
public final class Bls {
    /** The hash-to-curve domain separation tag of signatures. */
    public static final String SIGNATURE_DST = Blst.SIGNATURE_DST;
    /** Length of a compressed public key (G1). */
    public static final int PUBLIC_KEY_BYTES = Blst.G1_BYTES;
    /** Length of a compressed signature (G2). */
    public static final int SIGNATURE_BYTES = Blst.G2_BYTES;

    private Bls() {
    }

    /**
     * True if {@code signature} is {@code publicKey}'s signature over {@code message}; false otherwise. Never
     * throws for a wrong signature.
     */
    public static boolean verify(BlsPublicKey publicKey, byte[] message, BlsSignature signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        return signature.point().core_verify(publicKey.point(), true, message, SIGNATURE_DST)
                == BLST_ERROR.BLST_SUCCESS;
    }

    /**
     * Like {@link #verify} but throws instead of returning false: for code paths where a forgotten boolean would
     * be a hole.
     *
     * @throws ThresholdException {@code InvalidSignature} if the signature does not verify
     */
    public static void requireValid(BlsPublicKey publicKey, byte[] message, BlsSignature signature) {
        if (!verify(publicKey, message, signature)) {
            throw new ThresholdException(LitErrorCode.InvalidSignature,
                    "BLS signature does not verify under " + publicKey.toHex());
        }
    }

    /**
     * True if {@code share} is the partial signature over {@code message} of the key share {@code publicKeyShare}
     * ({@code e(pk_i, H(m)) == e(G1, sig_i)}) and both carry the same identifier.
     */
    public static boolean verifyShare(BlsPublicKeyShare publicKeyShare, byte[] message, BlsSignatureShare share) {
        return publicKeyShare.identifier() == share.identifier()
                && verify(publicKeyShare.publicKey(), message, share.partial());
    }

    /**
     * The network-signature check that {@code litj-protocol}'s session-sig validator plugs in, for a fixed root
     * key. It never throws on bad input: a signature that is not 96 bytes, not a valid compressed G2 point, not in
     * the subgroup or the identity verifies as false.
     */
    public static BlsCapabilityVerifier capabilityVerifier(BlsPublicKey rootKey) {
        Objects.requireNonNull(rootKey, "rootKey");
        return (message, signature) -> verifyEncoded(rootKey, message, signature);
    }

    /**
     * The network-signature check for a root key that may change (epochs) or not exist yet (before the first
     * DKG). Bad signatures verify as false, as in {@link #capabilityVerifier(BlsPublicKey)}.
     *
     * <p>When {@code currentRootKey} is empty the verifier throws {@code LitProtocolException}
     * ({@code NodeBLSRootKeyNotFound}), the exception {@link BlsCapabilityVerifier} documents, so that the
     * validator reports that it cannot run rather than a denial.
     */
    public static BlsCapabilityVerifier capabilityVerifier(Supplier<Optional<BlsPublicKey>> currentRootKey) {
        Objects.requireNonNull(currentRootKey, "currentRootKey");
        return (message, signature) -> {
            BlsPublicKey key = currentRootKey.get().orElseThrow(() -> new LitProtocolException(
                    LitErrorCode.NodeBLSRootKeyNotFound, "no BLS root key is available to verify the network signature"));
            return verifyEncoded(key, message, signature);
        };
    }

    private static boolean verifyEncoded(BlsPublicKey key, byte[] message, byte[] signature) {
        if (message == null || signature == null) {
            return false;
        }
        BlsSignature parsed;
        try {
            parsed = BlsSignature.fromBytes(signature);
        } catch (ThresholdException e) {
            return false;
        }
        return verify(key, message, parsed);
    }
}
