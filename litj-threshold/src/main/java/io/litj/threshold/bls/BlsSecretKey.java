package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import io.litj.threshold.internal.PrimeField;
import io.litj.threshold.internal.Secrets;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import supranational.blst.P1;

/**
 * A whole BLS12-381 secret key: an integer in {@code [1, r)}. Used for tests, devnets with a single dealer and
 * anywhere a non-threshold key is needed; network keys are shared ({@link BlsSecretKeyShare}).
 *
 * <p>Security: {@link #toString()} shows the public key only; no {@code equals}, compare with the constant-time
 * {@link #sameSecretAs}; {@link #exportSecret()} is the only way out. Signing multiplies by all 255 scalar bits
 * (blst {@code sign_with}), so the key's bit length does not show in timing.
 */
public final class BlsSecretKey {
    private final byte[] value;
    private final BlsPublicKey publicKey;

    private BlsSecretKey(byte[] value) {
        this.value = value;
        this.publicKey = BlsPublicKey.fromPoint(P1.generator().sign_with(Blst.scalar(value)).to_affine());
    }

    /**
     * The key with this 32-byte big-endian value.
     *
     * @throws ThresholdException {@code InvalidArgument} unless 32 bytes encoding a value in {@code [1, r)}
     */
    public static BlsSecretKey fromBytes(byte[] bigEndian) {
        BigInteger v = PrimeField.BLS12_381_R.fromBytes(bigEndian, "BLS secret key");
        if (v.signum() == 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "BLS secret key must not be zero");
        }
        return new BlsSecretKey(bigEndian.clone());
    }

    /** A uniformly random key. */
    public static BlsSecretKey random(SecureRandom random) {
        return new BlsSecretKey(PrimeField.BLS12_381_R.toBytes(PrimeField.BLS12_381_R.randomNonZero(random)));
    }

    /**
     * The key holding a {@link Group#BLS12_381_G1} scalar (e.g. a secret reconstructed in a test).
     *
     * @throws ThresholdException {@code InvalidArgument} for another group or zero
     */
    public static BlsSecretKey of(SecretScalar scalar) {
        Objects.requireNonNull(scalar, "scalar");
        if (scalar.group() != Group.BLS12_381_G1) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "a BLS secret key is a BLS12_381_G1 scalar, not " + scalar.group());
        }
        return fromBytes(scalar.exportSecret());
    }

    public BlsPublicKey publicKey() {
        return publicKey;
    }

    /** The signature {@code sk · H(message)} with the POP DST. */
    public BlsSignature sign(byte[] message) {
        return BlsSignature.fromPoint(Blst.hashToG2(message).sign_with(Blst.scalar(value)).to_affine(), "signature");
    }

    /** The 32-byte big-endian value (a copy): for persistence only. */
    public byte[] exportSecret() {
        return value.clone();
    }

    /** Constant-time comparison of the secret values. */
    public boolean sameSecretAs(BlsSecretKey other) {
        return Secrets.equal(value, other.value);
    }

    @Override
    public String toString() {
        return "BlsSecretKey[pub=" + publicKey.toHex() + "]";
    }
}
