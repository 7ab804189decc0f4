package io.litj.threshold.shamir;

import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.internal.Curve;
import io.litj.threshold.internal.CurvePoint;
import io.litj.threshold.internal.G1Curve;
import io.litj.threshold.internal.PrimeField;
import io.litj.threshold.internal.Secp256k1Curve;
import java.math.BigInteger;

/**
 * The prime-order groups that Feldman commitments and the DKG work in. Secrets and shares are scalars modulo the
 * group's order; commitments and public keys are group elements.
 *
 * <p>Arithmetic is done by libraries, never here: {@link #BLS12_381_G1} by supranational blst (jblst), {@link
 * #SECP256K1} by Bouncy Castle.
 */
public enum Group {
    /** BLS12-381 G1 (48-byte compressed points, ZCash encoding): where Lit's BLS root keys live. */
    BLS12_381_G1(G1Curve.INSTANCE),
    /** secp256k1 (33-byte compressed SEC1 points; the identity is the single byte {@code 00}). */
    SECP256K1(Secp256k1Curve.INSTANCE);

    private final Curve curve;

    Group(Curve curve) {
        this.curve = curve;
    }

    /** The prime order {@code q} of the group: shares and secrets are integers modulo {@code q}. */
    public BigInteger order() {
        return curve.scalarField().order();
    }

    /** Length of a compressed non-identity element. */
    public int encodedLength() {
        return curve.encodedLength();
    }

    /** The standard generator. */
    public GroupElement generator() {
        return new GroupElement(this, curve.generator());
    }

    /** The neutral element. */
    public GroupElement identity() {
        return new GroupElement(this, curve.identity());
    }

    /**
     * An element from its compressed encoding (see each constant for the form), checked to be on the curve and
     * in the prime-order subgroup. The identity is accepted; callers that must refuse it check
     * {@link GroupElement#isIdentity()}.
     *
     * @throws io.litj.threshold.ThresholdException {@code NodeParserError} for anything else
     */
    public GroupElement decode(Bytes encoded) {
        return new GroupElement(this, curve.decode(encoded.toByteArray(), name() + " element"));
    }

    PrimeField field() {
        return curve.scalarField();
    }

    GroupElement multiplyGenerator(BigInteger k) {
        return new GroupElement(this, curve.multiplyGenerator(k));
    }

    CurvePoint point(GroupElement e) {
        return e.point();
    }
}
