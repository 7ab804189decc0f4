package io.litj.client;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The plaintext {@link LitClient#decrypt} recovered: the data the access-control conditions protect.
 *
 * <p>Security: a secret (style rule R4). {@link #toString()} shows the length only; there is no {@code equals};
 * {@link #sameSecretAs} compares in constant time; {@link #exportSecret()} is the only way to the bytes. The client
 * never logs it. Immutable and thread-safe.
 */
public final class DecryptedData {
    private final byte[] value;

    private DecryptedData(byte[] value) {
        this.value = value;
    }

    /** Takes an array no one else holds. */
    static DecryptedData own(byte[] bytes) {
        return new DecryptedData(Objects.requireNonNull(bytes, "bytes"));
    }

    /** The length in bytes. */
    public int size() {
        return value.length;
    }

    /** The bytes (a copy): for the caller that asked for the decryption alone. */
    public byte[] exportSecret() {
        return value.clone();
    }

    /** Constant-time comparison with {@code bytes} (the length may leak). */
    public boolean sameSecretAs(byte[] bytes) {
        return MessageDigest.isEqual(value, Objects.requireNonNull(bytes, "bytes"));
    }

    @Override
    public String toString() {
        return "DecryptedData[" + value.length + " bytes]";
    }
}
