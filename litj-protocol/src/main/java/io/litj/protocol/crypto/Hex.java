package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;

/**
 * Hexadecimal text, as Lit writes it: lowercase, usually without {@code 0x}. Decoding is strict (even length,
 * hex digits only) and every error names the field being decoded.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lowercase hex of {@code bytes}, no prefix. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes hex without a {@code 0x} prefix (either case). */
    public static byte[] decode(String hex, String field) {
        if (hex == null) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, field + " is missing");
        }
        if ((hex.length() & 1) != 0) {
            throw new LitProtocolException(LitErrorCode.NodeParserError,
                    field + " has an odd number of hex digits (" + hex.length() + ")");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex, 2 * i, field);
            int lo = digit(hex, 2 * i + 1, field);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Decodes hex with an optional {@code 0x} prefix. */
    public static byte[] decode0x(String hex, String field) {
        if (hex != null && (hex.startsWith("0x") || hex.startsWith("0X"))) {
            return decode(hex.substring(2), field);
        }
        return decode(hex, field);
    }

    /** Decodes hex (optional {@code 0x}) that must be exactly {@code length} bytes. */
    public static byte[] decodeExact(String hex, int length, String field) {
        byte[] out = decode0x(hex, field);
        if (out.length != length) {
            throw new LitProtocolException(LitErrorCode.NodeParserError,
                    field + " must be " + length + " bytes but is " + out.length);
        }
        return out;
    }

    /** True if {@code s} is non-empty and only hex digits (no prefix). */
    public static boolean isHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private static int digit(String hex, int index, String field) {
        char c = hex.charAt(index);
        int d = (c <= 'f') ? Character.digit(c, 16) : -1;
        if (d < 0) {
            throw new LitProtocolException(LitErrorCode.NodeParserError,
                    field + " has a non-hex character at position " + index);
        }
        return d;
    }
}
