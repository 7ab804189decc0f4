package io.litj.threshold.shamir;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Secrets;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A secret integer modulo a {@link Group}'s order: a private key, a shared secret, a share value.
 *
 * <p>Security: the value never prints ({@link #toString()} shows only the group), there is no {@code equals} but
 * the constant-time {@link #sameSecretAs}, and {@link #exportSecret()} is the only way out (for persistence and
 * signing code).
 */
public final class SecretScalar {
    private final Group group;
    private final byte[] value;

    private SecretScalar(Group group, byte[] value) {
        this.group = group;
        this.value = value;
    }

    /**
     * The scalar with this 32-byte big-endian value.
     *
     * @throws ThresholdException {@code InvalidArgument} if the length is not 32 or the value is not below the
     *     group order
     */
    public static SecretScalar of(Group group, byte[] bigEndian) {
        Objects.requireNonNull(group, "group");
        group.field().fromBytes(bigEndian, group + " secret scalar");
        return new SecretScalar(group, bigEndian.clone());
    }

    /** A uniformly random non-zero scalar. */
    public static SecretScalar random(Group group, SecureRandom random) {
        return from(group, group.field().randomNonZero(random));
    }

    static SecretScalar from(Group group, BigInteger value) {
        return new SecretScalar(group, group.field().toBytes(value));
    }

    public Group group() {
        return group;
    }

    /** True if the value is zero (never a usable key). */
    public boolean isZero() {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The public key {@code value · G}. */
    public GroupElement publicKey() {
        return group.multiplyGenerator(value());
    }

    /** The value as 32 bytes big-endian (a copy): for persistence and signing code only. */
    public byte[] exportSecret() {
        return value.clone();
    }

    /** Constant-time comparison of group and value. */
    public boolean sameSecretAs(SecretScalar other) {
        return other.group == group & Secrets.equal(value, other.value);
    }

    BigInteger value() {
        return new BigInteger(1, value);
    }

    @Override
    public String toString() {
        return "SecretScalar[" + group + "]";
    }
}
