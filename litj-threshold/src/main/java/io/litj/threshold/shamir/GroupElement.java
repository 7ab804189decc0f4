package io.litj.threshold.shamir;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.CurvePoint;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A public element of a {@link Group}: a commitment, a public key or a public key share. Immutable and thread-safe;
 * equal when group and encoding are equal. Printed as the group and the full hex encoding.
 */
public final class GroupElement {
    private final Group group;
    private final CurvePoint point;
    private final Bytes encoded;

    GroupElement(Group group, CurvePoint point) {
        this.group = group;
        this.point = point;
        this.encoded = Bytes.of(point.encode());
    }

    public Group group() {
        return group;
    }

    /** The compressed encoding ({@link Group#decode(Bytes)} reads it back). */
    public Bytes toBytes() {
        return encoded;
    }

    public boolean isIdentity() {
        return point.isIdentity();
    }

    /**
     * The group sum {@code this + other} (in multiplicative notation, the product).
     *
     * @throws ThresholdException {@code InvalidArgument} if {@code other} is of another group
     */
    public GroupElement add(GroupElement other) {
        requireSameGroup(other);
        return new GroupElement(group, point.add(other.point));
    }

    /**
     * {@code k · this} (in multiplicative notation, {@code this^k}); {@code k} is reduced modulo the order.
     *
     * <p>Security: for public scalars (Lagrange coefficients, powers of indices). The running time may depend on
     * {@code k}; secret scalars go through {@link SecretScalar#publicKey()}, which uses a fixed-base method.
     */
    public GroupElement multiply(BigInteger k) {
        return new GroupElement(group, point.multiply(group.field().reduce(k)));
    }

    CurvePoint point() {
        return point;
    }

    void requireSameGroup(GroupElement other) {
        if (other.group != group) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "group elements of " + group + " and " + other.group + " cannot be combined");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupElement e && e.group == group && e.encoded.equals(encoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, encoded);
    }

    @Override
    public String toString() {
        return "GroupElement[" + group + " " + encoded.hex() + "]";
    }
}
