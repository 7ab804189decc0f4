package io.litj.threshold.internal;

import java.math.BigInteger;

/** A prime-order group with a fixed generator: the library side of {@code io.litj.threshold.shamir.Group}. */
public interface Curve {
    PrimeField scalarField();

    /** Length of a compressed non-identity point. */
    int encodedLength();

    CurvePoint generator();

    CurvePoint identity();

    /** {@code k · G} for a (possibly secret) {@code k} in {@code [0, q)}, by a fixed-base method. */
    CurvePoint multiplyGenerator(BigInteger k);

    /**
     * A point from its compressed encoding, checked to be on the curve and in the prime-order subgroup; the
     * identity is accepted.
     *
     * @throws io.litj.threshold.ThresholdException {@code NodeParserError} otherwise
     */
    CurvePoint decode(byte[] encoded, String field);
}
