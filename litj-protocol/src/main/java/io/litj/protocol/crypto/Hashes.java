package io.litj.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.KeccakDigest;
import io.litj.protocol.LitBugException;

/** Keccak-256 (Ethereum's, not SHA3-256) and SHA-256. */
public final class Hashes {
    private Hashes() {
    }

    public static byte[] keccak256(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] keccak256(String utf8) {
        return keccak256(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new LitBugException("SHA-256 missing from the JDK", e);
        }
    }

    public static byte[] sha256(String utf8) {
        return sha256(utf8.getBytes(StandardCharsets.UTF_8));
    }
}
