package io.litj.threshold.shamir;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import java.util.Objects;

/**
 * One Shamir share: the evaluation {@code f(index)} of a secret polynomial, at a positive index (in Lit, the share
 * identifier = node share index + 1).
 *
 * <p>Security: a secret. {@link #toString()} shows the index and group only; compare with {@link #sameSecretAs};
 * the value leaves only through {@code value().exportSecret()}.
 */
public final class Share {
    private final int index;
    private final SecretScalar value;

    private Share(int index, SecretScalar value) {
        this.index = index;
        this.value = value;
    }

    /**
     * The share {@code (index, value)}.
     *
     * @throws ThresholdException {@code InvalidArgument} if {@code index} is not positive
     */
    public static Share of(int index, SecretScalar value) {
        Objects.requireNonNull(value, "value");
        if (index <= 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "share index must be positive but is " + index);
        }
        return new Share(index, value);
    }

    public int index() {
        return index;
    }

    public Group group() {
        return value.group();
    }

    /** The secret value. */
    public SecretScalar value() {
        return value;
    }

    /** The public share {@code value · G}, which {@link FeldmanCommitments#publicShare(int)} predicts. */
    public GroupElement publicValue() {
        return value.publicKey();
    }

    /**
     * The share of the sum of two shared secrets: same index, values added (how a DKG party sums its shares).
     *
     * @throws ThresholdException {@code InvalidArgument} for different indices or groups
     */
    public Share add(Share other) {
        if (other.index != index || other.group() != group()) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "cannot add share " + other.index + " of "
                    + other.group() + " to share " + index + " of " + group());
        }
        return new Share(index, SecretScalar.from(group(), group().field().add(value.value(), other.value.value())));
    }

    /** Constant-time comparison (index and value). */
    public boolean sameSecretAs(Share other) {
        return other.index == index & value.sameSecretAs(other.value);
    }

    @Override
    public String toString() {
        return "Share[index=" + index + " " + group() + "]";
    }
}
