package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import java.util.Arrays;
import java.util.Objects;

/**
 * One node's partial BLS signature, as a Datil node returns it from {@code /web/sign_session_key/v1},
 * {@code /web/encryption/sign} and {@code /web/signing/access_control_condition} ({@code lit-node-behaviour.md}
 * §4, {@code js-sdk-v7-wire-format.md} §5.4).
 *
 * <p>Wire form (blsful 2): {@code {"ProofOfPossession":"<194 hex>"}}, the hex of 97 bytes = identifier byte ‖
 * 96-byte compressed G2 point. The identifier is the node's {@code shareIndex} + 1.
 *
 * @param identifier share identifier, {@code 1..255}
 * @param partial the partial signature; a valid non-identity G2 subgroup point
 */
public record BlsSignatureShare(int identifier, BlsSignature partial) {
    /** Length of the binary wire form: identifier byte plus compressed G2 point. */
    public static final int WIRE_BYTES = 1 + Blst.G2_BYTES;

    /**
     * @throws ThresholdException {@code InvalidArgument} for an identifier outside {@code 1..255}
     */
    public BlsSignatureShare {
        checkIdentifier(identifier, LitErrorCode.InvalidArgument);
        Objects.requireNonNull(partial, "partial");
    }

    /**
     * Reads the wire JSON {@code {"ProofOfPossession":"<194 hex>"}} strictly: exactly that member, a string of 194
     * hex digits without prefix, a non-zero identifier byte and a valid G2 point.
     *
     * @throws ThresholdException {@code NodeParserError} for anything else
     */
    public static BlsSignatureShare parseWire(String json) {
        return fromBytes(WireJson.read(json, WIRE_BYTES, "BLS signature share"));
    }

    /**
     * Reads the 194-hex-digit value of the {@code ProofOfPossession} member.
     *
     * @throws ThresholdException {@code NodeParserError} for malformed hex or an invalid share
     */
    public static BlsSignatureShare parseHex(String hex) {
        try {
            return fromBytes(Hex.decode(hex, "BLS signature share"));
        } catch (LitProtocolException e) {
            throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
        }
    }

    /**
     * Reads the 97-byte binary form.
     *
     * @throws ThresholdException {@code NodeParserError} for a wrong length, a zero identifier or an invalid point
     */
    public static BlsSignatureShare fromBytes(Bytes bytes) {
        return fromBytes(bytes.toByteArray());
    }

    private static BlsSignatureShare fromBytes(byte[] bytes) {
        if (bytes.length != WIRE_BYTES) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    "BLS signature share must be " + WIRE_BYTES + " bytes but is " + bytes.length);
        }
        int identifier = bytes[0] & 0xff;
        checkIdentifier(identifier, LitErrorCode.NodeParserError);
        return new BlsSignatureShare(identifier, BlsSignature.fromBytes(Arrays.copyOfRange(bytes, 1, WIRE_BYTES)));
    }

    /** The 97-byte binary form. */
    public Bytes toBytes() {
        byte[] out = new byte[WIRE_BYTES];
        out[0] = (byte) identifier;
        System.arraycopy(partial.encodedUnsafe(), 0, out, 1, Blst.G2_BYTES);
        return Bytes.of(out);
    }

    /** {@code {"ProofOfPossession":"<194 lowercase hex>"}}, byte-identical to a Datil node's. */
    public String toWireJson() {
        return WireJson.write(toBytes().toByteArray());
    }

    static void checkIdentifier(int identifier, LitErrorCode code) {
        if (identifier < 1 || identifier > 255) {
            throw new ThresholdException(code, "share identifier must be in 1..255 but is " + identifier);
        }
    }
}
