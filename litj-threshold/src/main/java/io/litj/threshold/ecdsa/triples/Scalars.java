package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.internal.PrimeField;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Scalar arithmetic modulo the secp256k1 order {@code n} for the triple protocol: conversions between
 * {@link SecretScalar} and {@link BigInteger} (inside this party's process only) and hashing to a scalar.
 */
final class Scalars {
    static final PrimeField FIELD = PrimeField.SECP256K1_N;
    static final Group GROUP = Group.SECP256K1;

    private Scalars() {
    }

    static BigInteger value(SecretScalar s) {
        return new BigInteger(1, s.exportSecret());
    }

    static SecretScalar secret(BigInteger v) {
        return SecretScalar.of(GROUP, FIELD.toBytes(FIELD.reduce(v)));
    }

    static BigInteger random(SecureRandom random) {
        return FIELD.random(random);
    }

    static BigInteger randomNonZero(SecureRandom random) {
        return FIELD.randomNonZero(random);
    }

    /** A scalar from SHA-512 of the parts, reduced (a bias below 2^-250). */
    static BigInteger hash(byte[]... parts) {
        MessageDigest sha = sha512();
        for (byte[] p : parts) {
            sha.update(p);
        }
        return new BigInteger(1, sha.digest()).mod(FIELD.order());
    }

    static MessageDigest sha512() {
        return digest("SHA-512");
    }

    static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from the JDK", e);
        }
    }

    static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
