package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.GroupElement;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 points in the triple protocol's wire form, and multiplication of an arbitrary point by a secret
 * scalar. Every point travels in a 33-byte slot: SEC1 compressed ({@code 02}/{@code 03} ‖ x), or 33 zero bytes for
 * the identity. Multiplication by a secret scalar uses Bouncy Castle's {@link FixedPointCombMultiplier} (a regular,
 * table-lookup method; its precomputation is kept on the point, so several secrets times one point cost one
 * precomputation).
 */
final class Points {
    static final int SIZE = 33;

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECCurve CURVE = PARAMS.getCurve();
    static final ECPoint G = PARAMS.getG();

    private Points() {
    }

    /** {@code k · p} for a secret {@code k}. */
    static ECPoint multiplySecret(ECPoint p, BigInteger k) {
        return new FixedPointCombMultiplier().multiply(p, k).normalize();
    }

    static ECPoint toPoint(GroupElement e) {
        return CURVE.decodePoint(e.toBytes().toByteArray());
    }

    static GroupElement toElement(ECPoint p) {
        return Scalars.GROUP.decode(Bytes.of(p.normalize().getEncoded(true)));
    }

    /** The 33-byte slot of {@code p}. */
    static byte[] encode(ECPoint p) {
        byte[] out = new byte[SIZE];
        write(out, 0, p);
        return out;
    }

    static void write(byte[] out, int offset, ECPoint p) {
        if (p.isInfinity()) {
            Arrays.fill(out, offset, offset + SIZE, (byte) 0);
        } else {
            System.arraycopy(p.normalize().getEncoded(true), 0, out, offset, SIZE);
        }
    }

    static void write(byte[] out, int offset, GroupElement e) {
        if (e.isIdentity()) {
            Arrays.fill(out, offset, offset + SIZE, (byte) 0);
        } else {
            System.arraycopy(e.toBytes().toByteArray(), 0, out, offset, SIZE);
        }
    }

    /**
     * The point in the 33-byte slot at {@code offset}.
     *
     * @throws ThresholdException {@code NodeParserError} if the slot is neither 33 zero bytes nor a compressed
     *     point of secp256k1
     */
    static ECPoint read(byte[] in, int offset, String field) {
        byte prefix = in[offset];
        if (prefix == 0) {
            for (int i = 1; i < SIZE; i++) {
                if (in[offset + i] != 0) {
                    throw new ThresholdException(LitErrorCode.NodeParserError,
                            field + " starts with 00 but is not 33 zero bytes (the identity)");
                }
            }
            return CURVE.getInfinity();
        }
        if (prefix != 2 && prefix != 3) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    field + " must be a compressed secp256k1 point (02 or 03 first) but starts with " + (prefix & 0xff));
        }
        byte[] slot = Arrays.copyOfRange(in, offset, offset + SIZE);
        try {
            ECPoint p = CURVE.decodePoint(slot);
            if (!p.isValid()) {
                throw new ThresholdException(LitErrorCode.NodeParserError, field + " is not on secp256k1");
            }
            return p.normalize();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, field + " is not a secp256k1 point", e);
        }
    }

    /** Like {@link #read} but as a {@link GroupElement} (one decompression, by {@link io.litj.threshold.shamir.Group#decode}). */
    static GroupElement readElement(byte[] in, int offset, String field) {
        if (in[offset] != 2 && in[offset] != 3) {
            read(in, offset, field);
            return Scalars.GROUP.identity();
        }
        try {
            return Scalars.GROUP.decode(Bytes.of(Arrays.copyOfRange(in, offset, offset + SIZE)));
        } catch (ThresholdException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, field + " is not a secp256k1 point", e);
        }
    }
}
