package io.litj.threshold.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 through Bouncy Castle's custom curve implementation. Generator multiples use BC's fixed-point comb
 * (the method BC uses for key generation); other multiplications take public scalars only.
 */
public final class Secp256k1Curve implements Curve {
    public static final Secp256k1Curve INSTANCE = new Secp256k1Curve();

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final int COMPRESSED_BYTES = 33;

    private Secp256k1Curve() {
    }

    @Override
    public PrimeField scalarField() {
        return PrimeField.SECP256K1_N;
    }

    @Override
    public int encodedLength() {
        return COMPRESSED_BYTES;
    }

    @Override
    public CurvePoint generator() {
        return new Point(PARAMS.getG());
    }

    @Override
    public CurvePoint identity() {
        return new Point(PARAMS.getCurve().getInfinity());
    }

    @Override
    public CurvePoint multiplyGenerator(BigInteger k) {
        return new Point(new FixedPointCombMultiplier().multiply(PARAMS.getG(), k).normalize());
    }

    /** A 33-byte compressed point ({@code 02}/{@code 03} ‖ x), or the single byte {@code 00} for the identity. */
    @Override
    public CurvePoint decode(byte[] encoded, String field) {
        boolean identity = encoded.length == 1 && encoded[0] == 0;
        if (!identity && (encoded.length != COMPRESSED_BYTES || (encoded[0] != 2 && encoded[0] != 3))) {
            throw new ThresholdException(LitErrorCode.NodeParserError, field
                    + " must be a 33-byte compressed secp256k1 point (or 00 for the identity) but is "
                    + encoded.length + " bytes");
        }
        try {
            ECPoint p = PARAMS.getCurve().decodePoint(encoded);
            if (!p.isValid()) {
                throw new ThresholdException(LitErrorCode.NodeParserError, field + " is not on secp256k1");
            }
            return new Point(p.normalize());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    field + " is not a valid secp256k1 point (" + e.getMessage() + ")", e);
        }
    }

    private record Point(ECPoint p) implements CurvePoint {
        @Override
        public CurvePoint add(CurvePoint other) {
            return new Point(p.add(((Point) other).p).normalize());
        }

        @Override
        public CurvePoint multiply(BigInteger k) {
            return new Point(p.multiply(k).normalize());
        }

        @Override
        public byte[] encode() {
            return p.getEncoded(true);
        }

        @Override
        public boolean isIdentity() {
            return p.isInfinity();
        }
    }
}
