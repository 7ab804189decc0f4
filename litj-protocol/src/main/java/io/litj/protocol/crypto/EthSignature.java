package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Sign;

/**
 * A 65-byte secp256k1 recoverable signature {@code r‖s‖v} as Ethereum wallets write it ({@code 0x} + 130 hex,
 * {@code v} = 27 or 28). Parsing is strict: exactly 65 bytes, {@code v} ∈ {0, 1, 27, 28}, {@code 0 < r, s < n}
 * and low {@code s} (EIP-2), so that one signed message has one accepted signature.
 */
public final class EthSignature {
    static final BigInteger N = Sign.CURVE_PARAMS.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private final BigInteger r;
    private final BigInteger s;
    private final int recoveryId;

    private EthSignature(BigInteger r, BigInteger s, int recoveryId) {
        this.r = r;
        this.s = s;
        this.recoveryId = recoveryId;
    }

    /** Builds a signature from its parts; {@code recoveryId} is 0 or 1. */
    public static EthSignature of(BigInteger r, BigInteger s, int recoveryId) {
        check(r, s, recoveryId, "signature");
        return new EthSignature(r, s, recoveryId);
    }

    /** Parses {@code 0x} + 130 hex (or without prefix); {@code field} names the input in errors. */
    public static EthSignature parse(String hex, String field) {
        byte[] raw;
        try {
            raw = Hex.decode0x(hex, field);
        } catch (LitProtocolException e) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError, e.getMessage(), e);
        }
        if (raw.length != 65) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError,
                    field + " must be 65 bytes (r‖s‖v) but is " + raw.length);
        }
        int v = raw[64] & 0xff;
        if (v != 0 && v != 1 && v != 27 && v != 28) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError,
                    field + " has v=" + v + ", expected 27 or 28");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
        int recoveryId = v >= 27 ? v - 27 : v;
        check(r, s, recoveryId, field);
        return new EthSignature(r, s, recoveryId);
    }

    private static void check(BigInteger r, BigInteger s, int recoveryId, String field) {
        if (recoveryId != 0 && recoveryId != 1) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError,
                    field + " recovery id must be 0 or 1 but is " + recoveryId);
        }
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError,
                    field + " has r or s outside [1, n-1]");
        }
        if (s.compareTo(HALF_N) > 0) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError,
                    field + " has a high s value (EIP-2 requires s <= n/2)");
        }
    }

    public BigInteger r() {
        return r;
    }

    public BigInteger s() {
        return s;
    }

    /** 0 or 1. */
    public int recoveryId() {
        return recoveryId;
    }

    /** The 65 bytes {@code r‖s‖v} with {@code v} = 27 + recovery id. */
    public byte[] toBytes() {
        byte[] out = new byte[65];
        copy32(r, out, 0);
        copy32(s, out, 32);
        out[64] = (byte) (27 + recoveryId);
        return out;
    }

    /** {@code 0x} + 130 lowercase hex, the form wallets and the JS SDK produce. */
    public String toHex() {
        return "0x" + Hex.encode(toBytes());
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] b = value.toByteArray();
        int start = b.length > 32 ? b.length - 32 : 0;
        int len = b.length - start;
        System.arraycopy(b, start, out, offset + 32 - len, len);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthSignature e && r.equals(e.r) && s.equals(e.s) && recoveryId == e.recoveryId;
    }

    @Override
    public int hashCode() {
        return r.hashCode() * 31 + s.hashCode() + recoveryId;
    }

    @Override
    public String toString() {
        return "EthSignature[" + toHex() + "]";
    }
}
