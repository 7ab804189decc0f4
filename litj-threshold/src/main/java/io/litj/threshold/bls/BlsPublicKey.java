package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.GroupElement;
import java.util.Arrays;
import supranational.blst.P1_Affine;

/**
 * A BLS12-381 public key: a point of G1 in the 48-byte compressed (ZCash) encoding, as Lit publishes its network
 * root keys ({@code blsRootPubkey}, {@code networkPublicKey}; {@code lit-node-behaviour.md} §4).
 *
 * <p>Only valid keys exist: parsing checks the length, the encoding, that the point is on the curve and in the
 * prime-order subgroup, and that it is not the identity. Immutable, thread-safe, equal by encoding.
 */
public final class BlsPublicKey {
    private final byte[] encoded;
    private final P1_Affine point;

    private BlsPublicKey(byte[] encoded, P1_Affine point) {
        this.encoded = encoded;
        this.point = point;
    }

    /**
     * Parses 96 hex digits (optional {@code 0x}).
     *
     * @throws ThresholdException {@code NodeParserError} for malformed hex or an invalid key
     */
    public static BlsPublicKey parse(String hex) {
        try {
            return fromBytes(Hex.decode0x(hex, "BLS public key"));
        } catch (LitProtocolException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
        }
    }

    /**
     * Reads a 48-byte compressed G1 point.
     *
     * @throws ThresholdException {@code NodeParserError} for an invalid key
     */
    public static BlsPublicKey fromBytes(Bytes encoded) {
        return fromBytes(encoded.toByteArray());
    }

    /**
     * Reads a 48-byte compressed G1 point (the array is copied).
     *
     * @throws ThresholdException {@code NodeParserError} for an invalid key
     */
    public static BlsPublicKey fromBytes(byte[] encoded) {
        byte[] copy = encoded.clone();
        return new BlsPublicKey(copy, Blst.decodeG1(copy, "BLS public key", false));
    }

    /**
     * The key that a {@link Group#BLS12_381_G1} element represents (a DKG group key or public key share).
     *
     * @throws ThresholdException {@code InvalidArgument} for an element of another group, {@code NodeParserError}
     *     for the identity
     */
    public static BlsPublicKey of(GroupElement element) {
        if (element.group() != Group.BLS12_381_G1) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "a BLS public key is a BLS12_381_G1 element, not " + element.group());
        }
        return fromBytes(element.toBytes());
    }

    static BlsPublicKey fromPoint(P1_Affine point) {
        return new BlsPublicKey(point.compress(), point);
    }

    /** The 48-byte compressed encoding. */
    public Bytes toBytes() {
        return Bytes.of(encoded);
    }

    /** 96 lowercase hex digits, no prefix (Lit's wire form). */
    public String toHex() {
        return Hex.encode(encoded);
    }

    /** This key as a {@link Group#BLS12_381_G1} element. */
    public GroupElement toGroupElement() {
        return Group.BLS12_381_G1.decode(toBytes());
    }

    P1_Affine point() {
        return point;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsPublicKey k && Arrays.equals(k.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "BlsPublicKey[" + toHex() + "]";
    }
}
