package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Strict Ed25519 verification (RFC 8032 over Bouncy Castle), with the same acceptance rules as ed25519-dalek's
 * {@code verify_strict} that Lit nodes use: canonical {@code S < L}, and neither the public key nor {@code R} may
 * be a point of small order.
 *
 * <p>Security: {@link #verifyStrict} returns nothing and throws on every refusal (Tink style, style rule R8), so a
 * forgotten result cannot let a bad signature through.
 */
public final class Ed25519Signatures {
    /** Encodings (y with the sign bit masked) of the points of order 1, 2, 4 and 8, canonical and not. */
    private static final byte[][] SMALL_ORDER = {
        Hex.decode("0000000000000000000000000000000000000000000000000000000000000000", "c"),
        Hex.decode("0100000000000000000000000000000000000000000000000000000000000000", "c"),
        Hex.decode("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", "c"),
        Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", "c"),
        Hex.decode("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "c"),
        Hex.decode("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "c"),
        Hex.decode("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "c"),
    };

    private Ed25519Signatures() {
    }

    /**
     * Passes if {@code signature} (64 bytes) by {@code publicKey} (32 bytes) over {@code message} is valid under the
     * strict rules above; throws otherwise.
     *
     * @throws LitProtocolException {@code InvalidSignature} if the key or signature has the wrong length, the key
     *     or {@code R} is a point of small order, or the signature does not verify (non-canonical {@code S}
     *     included); the message says which
     */
    public static void verifyStrict(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
            throw invalid("Ed25519 public key and signature must be " + Ed25519.PUBLIC_KEY_SIZE + " and "
                    + Ed25519.SIGNATURE_SIZE + " bytes but are " + publicKey.length + " and " + signature.length);
        }
        if (isSmallOrder(publicKey, 0)) {
            throw invalid("Ed25519 public key " + Hex.encode(publicKey) + " is a point of small order");
        }
        if (isSmallOrder(signature, 0)) {
            throw invalid("Ed25519 signature R is a point of small order");
        }
        if (!Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            throw invalid("Ed25519 signature over " + message.length + " bytes does not verify under "
                    + Hex.encode(publicKey));
        }
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.InvalidSignature, message);
    }

    /** True if the 32-byte point encoding at {@code offset} is one of small order. */
    static boolean isSmallOrder(byte[] encoding, int offset) {
        for (byte[] bad : SMALL_ORDER) {
            boolean same = true;
            for (int i = 0; i < 31 && same; i++) {
                same = encoding[offset + i] == bad[i];
            }
            if (same && (encoding[offset + 31] & 0x7f) == (bad[31] & 0x7f)) {
                return true;
            }
        }
        return false;
    }
}
