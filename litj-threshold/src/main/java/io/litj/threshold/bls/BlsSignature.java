package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import java.util.Arrays;
import supranational.blst.P2_Affine;

/**
 * A BLS12-381 signature (or partial signature): a point of G2 in the 96-byte compressed encoding.
 *
 * <p>Only valid points exist: parsing checks the length, the encoding, curve and prime-order subgroup membership,
 * and refuses the identity. Immutable, thread-safe, equal by encoding. A signature is public; print it freely.
 *
 * <p>Lit carries a network signature inside a {@code lit.bls} AuthSig as the JSON text
 * {@code {"ProofOfPossession":"<192 hex>"}} ({@link #toWireJson()}, {@link #parseWire(String)}).
 */
public final class BlsSignature {
    static final String WIRE_FIELD = "ProofOfPossession";

    private final byte[] encoded;
    private final P2_Affine point;

    private BlsSignature(byte[] encoded, P2_Affine point) {
        this.encoded = encoded;
        this.point = point;
    }

    /**
     * Parses 192 hex digits (optional {@code 0x}).
     *
     * @throws ThresholdException {@code NodeParserError} for malformed hex or an invalid point
     */
    public static BlsSignature parse(String hex) {
        try {
            return fromBytes(Hex.decode0x(hex, "BLS signature"));
        } catch (LitProtocolException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
        }
    }

    /**
     * Reads a 96-byte compressed G2 point.
     *
     * @throws ThresholdException {@code NodeParserError} for an invalid point
     */
    public static BlsSignature fromBytes(Bytes encoded) {
        return fromBytes(encoded.toByteArray());
    }

    /**
     * Reads a 96-byte compressed G2 point (the array is copied).
     *
     * @throws ThresholdException {@code NodeParserError} for an invalid point
     */
    public static BlsSignature fromBytes(byte[] encoded) {
        byte[] copy = encoded.clone();
        return new BlsSignature(copy, Blst.decodeG2(copy, "BLS signature", false));
    }

    /**
     * Reads the {@code lit.bls} {@code sig} text {@code {"ProofOfPossession":"<192 hex>"}}: exactly that one
     * member, no prefix.
     *
     * @throws ThresholdException {@code NodeParserError} for anything else
     */
    public static BlsSignature parseWire(String json) {
        return fromBytes(WireJson.read(json, Blst.G2_BYTES, "BLS signature"));
    }

    /** Wraps a point that blst just produced; refuses the identity. */
    static BlsSignature fromPoint(P2_Affine point, String what) {
        if (point.is_inf()) {
            throw new ThresholdException(LitErrorCode.NoValidShares, what + " is the identity point of G2");
        }
        return new BlsSignature(point.compress(), point);
    }

    /** The 96-byte compressed encoding. */
    public Bytes toBytes() {
        return Bytes.of(encoded);
    }

    /** 192 lowercase hex digits, no prefix. */
    public String toHex() {
        return Hex.encode(encoded);
    }

    /** {@code {"ProofOfPossession":"<192 hex>"}}, the {@code sig} text of a {@code lit.bls} AuthSig. */
    public String toWireJson() {
        return WireJson.write(encoded);
    }

    P2_Affine point() {
        return point;
    }

    byte[] encodedUnsafe() {
        return encoded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsSignature s && Arrays.equals(s.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "BlsSignature[" + toHex() + "]";
    }
}
