package io.litj.protocol.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Public bytes: signatures, public keys, hashes, curve points. Immutable (copied in and out), compared by
 * content, printed as lowercase hex cut after 64 bytes with the size.
 *
 * <p>Never use this type for secrets; see {@link io.litj.protocol.auth.SessionKeyPair} and
 * {@link EthSigner} for those.
 */
public final class Bytes {
    private static final int PRINT_LIMIT = 64;

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte[] data) {
        return new Bytes(Objects.requireNonNull(data, "data").clone());
    }

    /** Parses lowercase or uppercase hex, with or without {@code 0x}; {@code field} names the input in errors. */
    public static Bytes fromHex(String hex, String field) {
        return new Bytes(Hex.decode0x(hex, field));
    }

    /** Wraps an array that no one else holds (package use by producers that just made it). */
    static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    public byte get(int index) {
        return data[index];
    }

    /** Lowercase hex without {@code 0x}. */
    public String hex() {
        return Hex.encode(data);
    }

    /** Lowercase hex with {@code 0x}. */
    public String hex0x() {
        return "0x" + Hex.encode(data);
    }

    /** Constant-time content comparison. */
    public boolean contentEquals(Bytes other) {
        return MessageDigest.isEqual(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if (data.length <= PRINT_LIMIT) {
            return "[size=" + data.length + " hex=" + Hex.encode(data) + "]";
        }
        return "[size=" + data.length + " hex=" + Hex.encode(Arrays.copyOf(data, PRINT_LIMIT)) + "…]";
    }
}
