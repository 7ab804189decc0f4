package io.litj.threshold.bls;

import io.litj.threshold.internal.Secrets;
import java.util.Objects;

/**
 * A plaintext recovered by {@link TimeLock#decrypt}: the data that access-control conditions protect.
 *
 * <p>Security: a secret (style rule R4). {@link #toString()} shows the length only; no {@code equals}, compare
 * with the constant-time {@link #sameSecretAs}; {@link #exportSecret()} is the only way to the bytes. Immutable
 * and thread-safe.
 */
public final class TimeLockPlaintext {
    private final byte[] value;

    private TimeLockPlaintext(byte[] value) {
        this.value = value;
    }

    /** A plaintext holding a copy of {@code bytes}. */
    public static TimeLockPlaintext of(byte[] bytes) {
        return new TimeLockPlaintext(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** Takes an array no one else holds. */
    static TimeLockPlaintext own(byte[] bytes) {
        return new TimeLockPlaintext(bytes);
    }

    /** The length in bytes. */
    public int size() {
        return value.length;
    }

    /** The bytes (a copy): for the caller that asked for the decryption alone. */
    public byte[] exportSecret() {
        return value.clone();
    }

    /** Constant-time comparison of the bytes (the length may leak). */
    public boolean sameSecretAs(TimeLockPlaintext other) {
        return Secrets.equal(value, other.value);
    }

    @Override
    public String toString() {
        return "TimeLockPlaintext[" + value.length + " bytes]";
    }
}
