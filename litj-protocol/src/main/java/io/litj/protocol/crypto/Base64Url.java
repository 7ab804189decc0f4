package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.Base64;

/** Base64url (RFC 4648 §5): encoding without padding; decoding accepts padding, as the ReCap libraries do. */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes base64url with optional padding; {@code field} names the input in errors. Unused bits of the last
     * character must be zero (as the multiformats and Rust base64 decoders require), so each byte string has one
     * accepted unpadded spelling.
     */
    public static byte[] decode(String text, String field) {
        byte[] out;
        try {
            out = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new LitProtocolException(LitErrorCode.NodeParserError,
                    field + " is not base64url: " + e.getMessage());
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        if (!ENCODER.encodeToString(out).equals(text.substring(0, end))) {
            throw new LitProtocolException(LitErrorCode.NodeParserError,
                    field + " is not canonical base64url (non-zero trailing bits)");
        }
        return out;
    }
}
