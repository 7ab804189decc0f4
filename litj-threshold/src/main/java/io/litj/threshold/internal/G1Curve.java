package io.litj.threshold.internal;

import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/** BLS12-381 G1 through blst. Points are stored affine and never mutated. */
public final class G1Curve implements Curve {
    public static final G1Curve INSTANCE = new G1Curve();

    private G1Curve() {
    }

    @Override
    public PrimeField scalarField() {
        return PrimeField.BLS12_381_R;
    }

    @Override
    public int encodedLength() {
        return Blst.G1_BYTES;
    }

    @Override
    public CurvePoint generator() {
        return new Point(P1_Affine.generator());
    }

    @Override
    public CurvePoint identity() {
        return new Point(new P1().to_affine());
    }

    @Override
    public CurvePoint multiplyGenerator(BigInteger k) {
        // sign_with multiplies by all 255 bits of the scalar, so the bit length of k does not leak
        return new Point(P1.generator().sign_with(Blst.scalar(k)).to_affine());
    }

    @Override
    public CurvePoint decode(byte[] encoded, String field) {
        return new Point(Blst.decodeG1(encoded, field, true));
    }

    /** The blst affine point behind a G1 {@link CurvePoint} of this curve. */
    public static P1_Affine affine(CurvePoint p) {
        return ((Point) p).p;
    }

    private record Point(P1_Affine p) implements CurvePoint {
        @Override
        public CurvePoint add(CurvePoint other) {
            return new Point(p.to_jacobian().add(((Point) other).p).to_affine());
        }

        @Override
        public CurvePoint multiply(BigInteger k) {
            return new Point(Blst.multiply(p, k).to_affine());
        }

        @Override
        public byte[] encode() {
            return p.compress();
        }

        @Override
        public boolean isIdentity() {
            return p.is_inf();
        }
    }
}
