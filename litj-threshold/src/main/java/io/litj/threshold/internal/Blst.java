package io.litj.threshold.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Scalar;

/**
 * Strict decoding of BLS12-381 points through blst, and the few blst calls that need care.
 *
 * <p>blst's {@code P1}/{@code P2} methods ({@code add}, {@code mult}, {@code neg}, {@code hash_to}) change the
 * object they are called on and return it; everything here works on fresh copies, so decoded points can be shared
 * between threads as long as no one calls a mutating method on them.
 */
public final class Blst {
    /** The hash-to-curve DST of the proof-of-possession ciphersuite ({@code lit-node-behaviour.md} §4). */
    public static final String SIGNATURE_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
    /** Compressed G1 point length. */
    public static final int G1_BYTES = 48;
    /** Compressed G2 point length. */
    public static final int G2_BYTES = 96;

    private static final int COMPRESSED_FLAG = 0x80;

    private Blst() {
    }

    /**
     * A compressed G1 point: 48 bytes, compression flag set, on the curve and in the prime-order subgroup.
     *
     * @throws ThresholdException {@code NodeParserError} otherwise, or for the identity unless allowed
     */
    public static P1_Affine decodeG1(byte[] encoded, String field, boolean allowIdentity) {
        checkShape(encoded, G1_BYTES, field);
        P1_Affine p;
        try {
            p = new P1_Affine(encoded);
        } catch (RuntimeException e) {
            throw notAPoint(field, "G1", e);
        }
        if (!p.in_group()) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    field + " is on the curve but not in the prime-order subgroup of G1");
        }
        if (!allowIdentity && p.is_inf()) {
            throw new ThresholdException(LitErrorCode.NodeParserError, field + " is the identity point of G1");
        }
        return p;
    }

    /**
     * A compressed G2 point: 96 bytes, compression flag set, on the curve and in the prime-order subgroup.
     *
     * @throws ThresholdException {@code NodeParserError} otherwise, or for the identity unless allowed
     */
    public static P2_Affine decodeG2(byte[] encoded, String field, boolean allowIdentity) {
        checkShape(encoded, G2_BYTES, field);
        P2_Affine p;
        try {
            p = new P2_Affine(encoded);
        } catch (RuntimeException e) {
            throw notAPoint(field, "G2", e);
        }
        if (!p.in_group()) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    field + " is on the curve but not in the prime-order subgroup of G2");
        }
        if (!allowIdentity && p.is_inf()) {
            throw new ThresholdException(LitErrorCode.NodeParserError, field + " is the identity point of G2");
        }
        return p;
    }

    /** {@code k · p} for {@code k} in {@code [0, r)}, as a new point. */
    public static P1 multiply(P1_Affine p, BigInteger k) {
        return p.to_jacobian().mult(k);
    }

    /** {@code k · p} for {@code k} in {@code [0, r)}, as a new point. */
    public static P2 multiply(P2_Affine p, BigInteger k) {
        return p.to_jacobian().mult(k);
    }

    /** A blst scalar holding {@code k} in {@code [0, r)} (32 bytes big-endian). */
    public static Scalar scalar(BigInteger k) {
        return scalar(PrimeField.BLS12_381_R.toBytes(k));
    }

    /** A blst scalar from 32 bytes big-endian below {@code r}. */
    public static Scalar scalar(byte[] bigEndian) {
        return new Scalar().from_bendian(bigEndian);
    }

    /** The RFC 9380 hash of {@code message} to G2 with the POP signature DST, as a new point. */
    public static P2 hashToG2(byte[] message) {
        return new P2().hash_to(message, SIGNATURE_DST);
    }

    private static void checkShape(byte[] encoded, int length, String field) {
        if (encoded.length != length) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    field + " must be " + length + " bytes (compressed) but is " + encoded.length);
        }
        if ((encoded[0] & COMPRESSED_FLAG) == 0) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    field + " must be a compressed point (first bit set)");
        }
    }

    private static ThresholdException notAPoint(String field, String group, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ThresholdException(LitErrorCode.NodeParserError,
                field + " is not a valid compressed " + group + " point (" + reason + ")", e);
    }
}
