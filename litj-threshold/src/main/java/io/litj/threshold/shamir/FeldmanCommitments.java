package io.litj.threshold.shamir;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Feldman commitments to a secret polynomial (Feldman 1987): {@code C_j = a_j · G} for {@code j = 0 … t−1}.
 * Public. They let anyone check a share ({@code s_i · G == Σ_j i^j · C_j}) and compute every party's public key
 * share without learning a secret; {@code C_0} is the public key of the shared secret.
 *
 * <p>Commitments of a sum of polynomials are the element-wise sums ({@link #add}), which is how a DKG arrives at
 * the group key and the verification data of the combined sharing.
 *
 * @param coefficients {@code C_0 … C_{t−1}}, all of one group, at least one
 */
public record FeldmanCommitments(List<GroupElement> coefficients) {
    /**
     * @throws ThresholdException {@code InvalidArgument} if empty, longer than 255, or of mixed groups
     */
    public FeldmanCommitments {
        Objects.requireNonNull(coefficients, "coefficients");
        coefficients = List.copyOf(coefficients);
        if (coefficients.isEmpty() || coefficients.size() > Polynomial.MAX_THRESHOLD) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "commitments must number 1.." + Polynomial.MAX_THRESHOLD + " but are " + coefficients.size());
        }
        Group g = coefficients.get(0).group();
        for (GroupElement e : coefficients) {
            if (e.group() != g) {
                throw new ThresholdException(LitErrorCode.InvalidArgument,
                        "commitments mix " + g + " and " + e.group());
            }
        }
    }

    public Group group() {
        return coefficients.get(0).group();
    }

    /** The threshold {@code t} of the committed sharing (the number of coefficients). */
    public int threshold() {
        return coefficients.size();
    }

    /** {@code C_0}: the public key of the shared secret. */
    public GroupElement publicKey() {
        return coefficients.get(0);
    }

    /**
     * The public key share of the party with this index: {@code Σ_j index^j · C_j} ({@code = f(index) · G}).
     *
     * @throws ThresholdException {@code InvalidArgument} if {@code index} is not positive
     */
    public GroupElement publicShare(int index) {
        if (index <= 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "share index must be positive but is " + index);
        }
        BigInteger order = group().order();
        BigInteger x = BigInteger.valueOf(index);
        BigInteger power = BigInteger.ONE;
        GroupElement acc = coefficients.get(0);
        for (int j = 1; j < coefficients.size(); j++) {
            power = power.multiply(x).mod(order);
            acc = acc.add(coefficients.get(j).multiply(power));
        }
        return acc;
    }

    /**
     * Passes if {@code share} is the evaluation of the committed polynomial at its index: same group and
     * {@code value · G == publicShare(index)}; throws otherwise (Tink style, style rule R8: there is no boolean to
     * forget).
     *
     * @throws ThresholdException {@code InvalidArgument} for a share of another group, or one that does not match
     *     the commitments
     */
    public void verify(Share share) {
        Objects.requireNonNull(share, "share");
        if (share.group() != group()) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "share " + share.index() + " is of "
                    + share.group() + " but the commitments are of " + group());
        }
        if (!share.publicValue().equals(publicShare(share.index()))) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "share " + share.index()
                    + " does not match the commitments of key " + Text.cut(publicKey().toBytes().hex()));
        }
    }

    /**
     * The commitments of the sum of the two committed polynomials.
     *
     * @throws ThresholdException {@code InvalidArgument} for different thresholds or groups
     */
    public FeldmanCommitments add(FeldmanCommitments other) {
        if (other.threshold() != threshold() || other.group() != group()) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "cannot add commitments of " + other.group()
                    + " threshold " + other.threshold() + " to " + group() + " threshold " + threshold());
        }
        List<GroupElement> sum = new ArrayList<>(threshold());
        for (int j = 0; j < threshold(); j++) {
            sum.add(coefficients.get(j).add(other.coefficients.get(j)));
        }
        return new FeldmanCommitments(sum);
    }
}
