package io.litj.threshold.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * Lagrange coefficients for interpolation at {@code x = 0}: {@code λ_i = Π_{j≠i} x_j / (x_j − x_i)} in a prime
 * field, as vsss-rs ({@code combine_shares_group}) computes them for Lit's BLS shares.
 */
public final class Lagrange {
    private Lagrange() {
    }

    /**
     * The coefficients for the given x-coordinates (share indices / identifiers).
     *
     * @throws ThresholdException {@code InvalidArgument} if the list is empty, an index is not positive or not
     *     below the field order, or two indices are equal
     */
    public static BigInteger[] atZero(PrimeField field, int[] xs) {
        if (xs.length == 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "no shares to interpolate");
        }
        Set<Integer> seen = new HashSet<>();
        for (int x : xs) {
            if (x <= 0) {
                throw new ThresholdException(LitErrorCode.InvalidArgument, "share index must be positive but is " + x);
            }
            if (!seen.add(x)) {
                throw new ThresholdException(LitErrorCode.InvalidArgument, "share index " + x + " appears twice");
            }
        }
        BigInteger[] out = new BigInteger[xs.length];
        for (int i = 0; i < xs.length; i++) {
            BigInteger xi = BigInteger.valueOf(xs[i]);
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (int j = 0; j < xs.length; j++) {
                if (j != i) {
                    BigInteger xj = BigInteger.valueOf(xs[j]);
                    num = field.mul(num, xj);
                    den = field.mul(den, field.sub(xj, xi));
                }
            }
            out[i] = field.mul(num, field.inverse(den));
        }
        return out;
    }
}
