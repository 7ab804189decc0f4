package io.litj.threshold.shamir;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.PrimeField;
import io.litj.threshold.internal.Secrets;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A secret polynomial {@code f(x) = a_0 + a_1 x + … + a_{t-1} x^{t-1}} modulo a {@link Group}'s order, whose
 * constant term is the shared secret: any {@code t} of its evaluations determine it, {@code t − 1} reveal nothing.
 *
 * <p>Security: every coefficient is secret. {@link #toString()} shows group and threshold only; there is no
 * accessor for the coefficients and no evaluation at 0. Publish only {@link #commitments()}.
 */
public final class Polynomial {
    /** Largest supported threshold (255 parties is the limit of Lit's one-byte share identifiers). */
    public static final int MAX_THRESHOLD = 255;

    private final Group group;
    private final BigInteger[] coefficients;

    private Polynomial(Group group, BigInteger[] coefficients) {
        this.group = group;
        this.coefficients = coefficients;
    }

    /**
     * A polynomial of degree {@code threshold − 1} with the given constant term and uniformly random other
     * coefficients.
     *
     * @throws ThresholdException {@code InvalidArgument} if {@code threshold} is outside {@code 1..255}
     */
    public static Polynomial random(SecretScalar constant, int threshold, SecureRandom random) {
        Objects.requireNonNull(constant, "constant");
        Objects.requireNonNull(random, "random");
        checkThreshold(threshold);
        PrimeField field = constant.group().field();
        BigInteger[] c = new BigInteger[threshold];
        c[0] = constant.value();
        for (int j = 1; j < threshold; j++) {
            c[j] = field.random(random);
        }
        return new Polynomial(constant.group(), c);
    }

    /** A polynomial of degree {@code threshold − 1} with a random non-zero constant term. */
    public static Polynomial random(Group group, int threshold, SecureRandom random) {
        return random(SecretScalar.random(group, random), threshold, random);
    }

    static void checkThreshold(int threshold) {
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "threshold must be in 1.." + MAX_THRESHOLD + " but is " + threshold);
        }
    }

    public Group group() {
        return group;
    }

    /** The number of shares needed to reconstruct: the degree plus one. */
    public int threshold() {
        return coefficients.length;
    }

    /**
     * The share {@code f(index)}.
     *
     * @throws ThresholdException {@code InvalidArgument} if {@code index} is not positive
     */
    public Share evaluate(int index) {
        if (index <= 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "share index must be positive but is " + index);
        }
        return Share.of(index, SecretScalar.from(group, group.field().evaluate(coefficients, BigInteger.valueOf(index))));
    }

    /** The shares {@code f(1) … f(parties)}. */
    public List<Share> shares(int parties) {
        if (parties < 1) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "parties must be positive but is " + parties);
        }
        List<Share> out = new ArrayList<>(parties);
        for (int i = 1; i <= parties; i++) {
            out.add(evaluate(i));
        }
        return List.copyOf(out);
    }

    /** The Feldman commitments {@code a_0·G … a_{t-1}·G}: public. */
    public FeldmanCommitments commitments() {
        List<GroupElement> c = new ArrayList<>(coefficients.length);
        for (BigInteger a : coefficients) {
            c.add(group.multiplyGenerator(a));
        }
        return new FeldmanCommitments(c);
    }

    /** Constant-time comparison of group and coefficients (the degree may leak). */
    public boolean sameSecretAs(Polynomial other) {
        boolean same = other.group == group & other.coefficients.length == coefficients.length;
        for (int j = 0; j < Math.min(coefficients.length, other.coefficients.length); j++) {
            same &= Secrets.equal(group.field().toBytes(coefficients[j]), other.group.field().toBytes(other.coefficients[j]));
        }
        return same;
    }

    @Override
    public String toString() {
        return "Polynomial[" + group + " threshold=" + coefficients.length + "]";
    }
}
