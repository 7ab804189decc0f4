package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import io.litj.threshold.internal.PrimeField;
import io.litj.threshold.internal.Secrets;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Share;
import java.math.BigInteger;
import java.util.Objects;
import supranational.blst.P1;

/**
 * One node's share of a network BLS key: the Shamir share {@code f(identifier)} of the root secret, where
 * identifier = node share index + 1 ({@code 1..255}, the one byte of the Datil share wire form).
 *
 * <p>Security: {@link #toString()} shows the identifier and public key share only; no {@code equals}, compare with
 * the constant-time {@link #sameSecretAs}; {@link #exportSecret()} is the only way out (node key storage).
 */
public final class BlsSecretKeyShare {
    private final int identifier;
    private final byte[] value;
    private final BlsPublicKeyShare publicKeyShare;

    private BlsSecretKeyShare(int identifier, byte[] value) {
        this.identifier = identifier;
        this.value = value;
        this.publicKeyShare = new BlsPublicKeyShare(identifier,
                BlsPublicKey.fromPoint(P1.generator().sign_with(Blst.scalar(value)).to_affine()));
    }

    /**
     * The share with this identifier and 32-byte big-endian value.
     *
     * @throws ThresholdException {@code InvalidArgument} for an identifier outside {@code 1..255} or a value that
     *     is not 32 bytes in {@code [1, r)}
     */
    public static BlsSecretKeyShare fromBytes(int identifier, byte[] bigEndian) {
        BlsSignatureShare.checkIdentifier(identifier, LitErrorCode.InvalidArgument);
        BigInteger v = PrimeField.BLS12_381_R.fromBytes(bigEndian, "BLS secret key share");
        if (v.signum() == 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "BLS secret key share must not be zero");
        }
        return new BlsSecretKeyShare(identifier, bigEndian.clone());
    }

    /**
     * The BLS key share that a {@link Group#BLS12_381_G1} Shamir share is (from a DKG or a dealer).
     *
     * @throws ThresholdException {@code InvalidArgument} for another group, an index above 255 or a zero value
     */
    public static BlsSecretKeyShare of(Share share) {
        Objects.requireNonNull(share, "share");
        if (share.group() != Group.BLS12_381_G1) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "a BLS key share is a BLS12_381_G1 share, not " + share.group());
        }
        return fromBytes(share.index(), share.value().exportSecret());
    }

    /** The share identifier, {@code 1..255}. */
    public int identifier() {
        return identifier;
    }

    /** The public key share {@code f(identifier) · G1}, against which this share's signatures verify. */
    public BlsPublicKeyShare publicKeyShare() {
        return publicKeyShare;
    }

    /** The partial signature {@code f(identifier) · H(message)} with the POP DST, tagged with the identifier. */
    public BlsSignatureShare sign(byte[] message) {
        return new BlsSignatureShare(identifier, BlsSignature.fromPoint(
                Blst.hashToG2(message).sign_with(Blst.scalar(value)).to_affine(), "partial signature"));
    }

    /** The 32-byte big-endian value (a copy): for node key storage only. */
    public byte[] exportSecret() {
        return value.clone();
    }

    /** Constant-time comparison of identifier and value. */
    public boolean sameSecretAs(BlsSecretKeyShare other) {
        return other.identifier == identifier & Secrets.equal(value, other.value);
    }

    @Override
    public String toString() {
        return "BlsSecretKeyShare[id=" + identifier + " pub=" + publicKeyShare.publicKey().toHex() + "]";
    }
}
