package io.litj.node.peer.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869) on the JDK's {@code Mac}. Stateless. */
final class Hkdf {
    private static final int HASH_LEN = 32;

    private Hkdf() {
    }

    /**
     * {@code HKDF-Expand(HKDF-Extract(salt, ikm), info, length)}; an empty salt means {@code HashLen} zero bytes.
     *
     * @throws IllegalArgumentException if {@code length} is not in {@code 1..255·32}
     */
    static byte[] sha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 1.." + 255 * HASH_LEN);
        }
        byte[] prk = null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LEN] : salt, "HmacSHA256"));
            prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            for (int i = 1, pos = 0; pos < length; i++) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) i);
                t = mac.doFinal();
                int n = Math.min(t.length, length - pos);
                System.arraycopy(t, 0, out, pos, n);
                pos += n;
            }
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
        }
    }
}
