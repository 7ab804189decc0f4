package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
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
     * Passes if {@code signature} is {@code publicKey}'s signature over {@code message}; throws otherwise (Tink
     * style, style rule R8: there is no boolean to forget).
     *
     * @throws ThresholdException {@code InvalidSignature} if the signature does not verify
     */
    public static void verify(BlsPublicKey publicKey, byte[] message, BlsSignature signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!verifies(publicKey, message, signature)) {
            throw new ThresholdException(LitErrorCode.InvalidSignature, "BLS signature over " + message.length
                    + " bytes does not verify under " + Text.cut(publicKey.toHex()));
        }
    }

    /**
     * Passes if {@code share} is the partial signature over {@code message} of the key share {@code publicKeyShare}
     * ({@code e(pk_i, H(m)) == e(G1, sig_i)}) and both carry the same identifier; throws otherwise.
     *
     * @throws ThresholdException {@code InvalidSignature} if the identifiers differ or the partial signature does
     *     not verify under the key share
     */
    public static void verifyShare(BlsPublicKeyShare publicKeyShare, byte[] message, BlsSignatureShare share) {
        Objects.requireNonNull(publicKeyShare, "publicKeyShare");
        Objects.requireNonNull(share, "share");
        if (publicKeyShare.identifier() != share.identifier()) {
            throw new ThresholdException(LitErrorCode.InvalidSignature, "BLS signature share " + share.identifier()
                    + " cannot verify under the key share of identifier " + publicKeyShare.identifier());
        }
        if (!verifies(publicKeyShare.publicKey(), message, share.partial())) {
            throw new ThresholdException(LitErrorCode.InvalidSignature, "BLS signature share " + share.identifier()
                    + " over " + message.length + " bytes does not verify under its key share "
                    + Text.cut(publicKeyShare.publicKey().toHex()));
        }
    }

    /** The pairing check itself; private so that callers outside get only the throwing form. */
    private static boolean verifies(BlsPublicKey publicKey, byte[] message, BlsSignature signature) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        return signature.point().core_verify(publicKey.point(), true, message, SIGNATURE_DST)
                == BLST_ERROR.BLST_SUCCESS;
    }

    /**
     * The network-signature check that {@code litj-protocol}'s session-sig validator plugs in, for a fixed root
     * key. Every refused signature (wrong, not 96 bytes, not a valid compressed G2 point, not in the subgroup, the
     * identity) throws {@code LitProtocolException} with {@code InvalidSignature}, as
     * {@link BlsCapabilityVerifier#verify} documents.
     */
    public static BlsCapabilityVerifier capabilityVerifier(BlsPublicKey rootKey) {
        Objects.requireNonNull(rootKey, "rootKey");
        return (message, signature) -> verifyEncoded(rootKey, message, signature);
    }

    /**
     * The network-signature check for a root key that may change (epochs) or not exist yet (before the first
     * DKG). Bad signatures are refused as in {@link #capabilityVerifier(BlsPublicKey)}.
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
            verifyEncoded(key, message, signature);
        };
    }

    private static void verifyEncoded(BlsPublicKey key, byte[] message, byte[] signature) {
        if (message == null || signature == null) {
            throw new LitProtocolException(LitErrorCode.InvalidSignature, "no " + (message == null ? "message"
                    : "signature") + " to verify");
        }
        try {
            verify(key, message, BlsSignature.fromBytes(signature));
        } catch (ThresholdException e) {
            throw new LitProtocolException(LitErrorCode.InvalidSignature, "network signature refused: "
                    + e.getMessage(), e);
        }
    }
}
