package io.litj.threshold.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Arithmetic modulo a prime group order {@code q}: the scalar fields of BLS12-381 ({@code r}) and secp256k1
 * ({@code n}). Values are {@link BigInteger}s in {@code [0, q)}; their byte form is 32 bytes big-endian.
 *
 * <p>Only field arithmetic lives here (Lagrange coefficients, polynomial evaluation); group arithmetic is done by
 * blst and Bouncy Castle. {@code BigInteger} is not constant-time: it handles share values only in the owner's
 * process, where timing is not observable by peers of the protocol.
 */
public final class PrimeField {
    /** The order {@code r} of the BLS12-381 groups G1, G2 and Gt. */
    public static final PrimeField BLS12_381_R = new PrimeField("BLS12-381 r",
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16));
    /** The order {@code n} of the secp256k1 group. */
    public static final PrimeField SECP256K1_N = new PrimeField("secp256k1 n",
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16));

    /** Byte length of an encoded element: both orders are below 2^256. */
    public static final int BYTES = 32;

    private final String name;
    private final BigInteger order;

    private PrimeField(String name, BigInteger order) {
        this.name = name;
        this.order = order;
    }

    public BigInteger order() {
        return order;
    }

    public BigInteger reduce(BigInteger x) {
        return x.mod(order);
    }

    public BigInteger add(BigInteger a, BigInteger b) {
        return a.add(b).mod(order);
    }

    public BigInteger sub(BigInteger a, BigInteger b) {
        return a.subtract(b).mod(order);
    }

    public BigInteger mul(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(order);
    }

    /** The inverse of a non-zero element. */
    public BigInteger inverse(BigInteger a) {
        return a.modInverse(order);
    }

    /** A uniform element of {@code [0, q)}: 64 random bytes reduced, a bias below 2^-250. */
    public BigInteger random(SecureRandom random) {
        byte[] wide = new byte[64];
        random.nextBytes(wide);
        BigInteger v = new BigInteger(1, wide).mod(order);
        Arrays.fill(wide, (byte) 0);
        return v;
    }

    /** A uniform element of {@code [1, q)}. */
    public BigInteger randomNonZero(SecureRandom random) {
        BigInteger v;
        do {
            v = random(random);
        } while (v.signum() == 0);
        return v;
    }

    /** 32 bytes big-endian of {@code v}, which must lie in {@code [0, q)}. */
    public byte[] toBytes(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(order) >= 0) {
            throw new IllegalArgumentException("not a reduced element of " + name);
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[BYTES];
        int n = Math.min(raw.length, BYTES);
        System.arraycopy(raw, raw.length - n, out, BYTES - n, n);
        Arrays.fill(raw, (byte) 0);
        return out;
    }

    /**
     * Reads 32 bytes big-endian that must encode an element below {@code q}.
     *
     * @throws ThresholdException {@code InvalidArgument} for a wrong length or a value not below {@code q}
     */
    public BigInteger fromBytes(byte[] bytes, String field) {
        if (bytes.length != BYTES) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    field + " must be " + BYTES + " bytes but is " + bytes.length);
        }
        BigInteger v = new BigInteger(1, bytes);
        if (v.compareTo(order) >= 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    field + " is not below the group order (" + name + ")");
        }
        return v;
    }

    /** {@code Σ coefficients[j] · x^j} by Horner's rule. */
    public BigInteger evaluate(BigInteger[] coefficients, BigInteger x) {
        BigInteger acc = BigInteger.ZERO;
        for (int j = coefficients.length - 1; j >= 0; j--) {
            acc = acc.multiply(x).add(coefficients[j]).mod(order);
        }
        return acc;
    }

    @Override
    public String toString() {
        return name;
    }
}
