package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The one broadcast of presigning: party {@code j}'s linearized {@code kd_j = λ_j·c⁰_j}, {@code ka_j = λ_j·(k_j +
 * a_j)} and {@code xb_j = λ_j·(x_j + b_j)}, with the run identifier it belongs to. All public (each masked by a
 * one-time triple value); checked one by one against the triples' and the key's Feldman commitments.
 *
 * <p>Bytes: version {@code 01} ‖ run id (32) ‖ kd (32) ‖ ka (32) ‖ xb (32), scalars big-endian below {@code n}.
 */
record PresignMessage(Bytes runId, BigInteger kd, BigInteger ka, BigInteger xb) {
    static final byte VERSION = 1;
    static final int LENGTH = 1 + 4 * K256.SCALAR_BYTES;

    byte[] encode() {
        byte[] out = new byte[LENGTH];
        out[0] = VERSION;
        System.arraycopy(runId.toByteArray(), 0, out, 1, K256.SCALAR_BYTES);
        BigInteger[] values = {kd, ka, xb};
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(K256.scalarBytes(values[i]), 0, out, 1 + (i + 1) * K256.SCALAR_BYTES,
                    K256.SCALAR_BYTES);
        }
        return out;
    }

    /**
     * @throws ThresholdException {@code NodeParserError} for a wrong length or version, or a scalar not below
     *     {@code n}
     */
    static PresignMessage decode(int from, byte[] payload) {
        if (payload.length != LENGTH || payload[0] != VERSION) {
            throw new ThresholdException(LitErrorCode.NodeParserError, "presigning message from party " + from
                    + " must be " + LENGTH + " bytes of version " + VERSION + " but is " + payload.length
                    + " bytes" + (payload.length > 0 ? " of version " + payload[0] : ""));
        }
        BigInteger[] values = new BigInteger[3];
        for (int i = 0; i < values.length; i++) {
            int at = 1 + (i + 1) * K256.SCALAR_BYTES;
            try {
                values[i] = K256.N.fromBytes(Arrays.copyOfRange(payload, at, at + K256.SCALAR_BYTES),
                        "presigning value " + i + " from party " + from);
            } catch (ThresholdException e) {
                throw new ThresholdException(LitErrorCode.NodeParserError, e.getMessage(), e);
            }
        }
        return new PresignMessage(Bytes.of(Arrays.copyOfRange(payload, 1, 1 + K256.SCALAR_BYTES)), values[0],
                values[1], values[2]);
    }

    @Override
    public String toString() {
        return "PresignMessage[run=" + runId.hex().substring(0, 8) + "]";
    }
}
