package io.litj.threshold.shamir;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Lagrange;
import io.litj.threshold.internal.PrimeField;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Shamir secret sharing (Shamir 1979) over a {@link Group}'s scalar field: split a secret into {@code n} shares of
 * which any {@code t} reconstruct it. For verifiable sharing, build a {@link Polynomial} and publish its
 * {@link Polynomial#commitments()}.
 */
public final class Shamir {
    private Shamir() {
    }

    /**
     * Shares {@code 1 … parties} of {@code secret} with threshold {@code threshold}.
     *
     * @throws ThresholdException {@code InvalidArgument} unless {@code 1 ≤ threshold ≤ parties ≤ 255}
     */
    public static List<Share> split(SecretScalar secret, int threshold, int parties, SecureRandom random) {
        if (parties < threshold || parties > Polynomial.MAX_THRESHOLD) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "parties must be in threshold.."
                    + Polynomial.MAX_THRESHOLD + " (threshold " + threshold + ") but is " + parties);
        }
        return Polynomial.random(secret, threshold, random).shares(parties);
    }

    /**
     * The secret {@code f(0)} interpolated from all the given shares. With at least {@code t} shares of a
     * threshold-{@code t} sharing this is the secret; with fewer it is an unrelated value (the shares carry no
     * threshold, so this cannot be detected here: check the result against a public key when one is known).
     *
     * @throws ThresholdException {@code InvalidArgument} if the list is empty, mixes groups or repeats an index
     */
    public static SecretScalar reconstruct(List<Share> shares) {
        Objects.requireNonNull(shares, "shares");
        if (shares.isEmpty()) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "no shares to reconstruct from");
        }
        Group group = shares.get(0).group();
        PrimeField field = group.field();
        int[] xs = new int[shares.size()];
        for (int i = 0; i < xs.length; i++) {
            Share s = shares.get(i);
            if (s.group() != group) {
                throw new ThresholdException(LitErrorCode.InvalidArgument,
                        "shares mix " + group + " and " + s.group());
            }
            xs[i] = s.index();
        }
        BigInteger[] lambda = Lagrange.atZero(field, xs);
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < xs.length; i++) {
            acc = field.add(acc, field.mul(lambda[i], shares.get(i).value().value()));
        }
        return SecretScalar.from(group, acc);
    }
}
