package io.litj.protocol.crypto;

import io.litj.protocol.LitBugException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 96-bit random nonce and a 128-bit tag (NIST SP 800-38D), sealing bytes together with associated
 * data that is authenticated but not encrypted. A sealed box is {@code nonce ‖ ciphertext ‖ tag}.
 *
 * <p>Stateless; the key is never kept or logged.
 */
public final class AesGcm {
    /** Key length in bytes. */
    public static final int KEY_BYTES = 32;
    /** Nonce length in bytes. */
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private AesGcm() {
    }

    /** {@code nonce ‖ AES-GCM(key, nonce, plaintext, aad)} with a fresh nonce from {@code random}. */
    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] body = run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, 0, plaintext.length, aad);
        byte[] out = new byte[NONCE_BYTES + body.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(body, 0, out, NONCE_BYTES, body.length);
        return out;
    }

    /**
     * The plaintext of a box made by {@link #seal} under {@code key} and {@code aad}.
     *
     * @throws LitProtocolException {@code InvalidSignature} when the box is too short, was altered, or was sealed
     *         under another key or associated data (the three cannot be told apart)
     */
    public static byte[] open(byte[] key, byte[] box, byte[] aad) {
        if (box.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new LitProtocolException(LitErrorCode.InvalidSignature, "sealed data is " + box.length
                    + " bytes, shorter than a nonce and a tag");
        }
        byte[] nonce = java.util.Arrays.copyOf(box, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, key, nonce, box, NONCE_BYTES, box.length - NONCE_BYTES, aad);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, byte[] in, int off, int len, byte[] aad) {
        if (key.length != KEY_BYTES) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "an AES-256 key is " + KEY_BYTES
                    + " bytes, not " + key.length);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, off, len);
        } catch (AEADBadTagException e) {
            throw new LitProtocolException(LitErrorCode.InvalidSignature,
                    "sealed data does not authenticate: altered, or sealed under another key or context");
        } catch (GeneralSecurityException e) {
            throw new LitBugException("AES-GCM is unavailable: " + e.getMessage(), e);
        }
    }
}
