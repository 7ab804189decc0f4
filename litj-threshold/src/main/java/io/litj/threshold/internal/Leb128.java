package io.litj.threshold.internal;

import java.util.Optional;

/**
 * Unsigned LEB128 varints (serde_bare's {@code uint}, the {@code uint_zigzag} crate's {@code Uint}): seven bits per
 * byte, least significant group first, high bit set on every byte but the last. Reading is strict: the encoding
 * must be minimal (no trailing zero group) and the value within a caller's bound, so that a length read here can
 * be trusted before anything is allocated.
 */
public final class Leb128 {
    /** The longest encoding read: enough for values below 2^63. */
    private static final int MAX_BYTES = 9;

    private Leb128() {
    }

    /** A value read, and how many bytes its encoding took. */
    public record Read(long value, int length) {
    }

    /** The length of the encoding of {@code value} (non-negative). */
    public static int size(long value) {
        requireNonNegative(value);
        int n = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            n++;
        }
        return n;
    }

    /** Writes the encoding of {@code value} at {@code offset}; returns the offset after it. */
    public static int write(long value, byte[] out, int offset) {
        requireNonNegative(value);
        long v = value;
        int at = offset;
        while (v >= 0x80) {
            out[at++] = (byte) (v & 0x7f | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }

    /**
     * The minimal varint at {@code offset} in {@code in[offset, end)} whose value is at most {@code max}; empty if
     * the bytes end first, the encoding is longer than needed, or the value exceeds {@code max}.
     */
    public static Optional<Read> read(byte[] in, int offset, int end, long max) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES && offset + i < end; i++) {
            int b = in[offset + i] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if (value > max) {
                return Optional.empty();
            }
            if ((b & 0x80) == 0) {
                boolean minimal = i == 0 || b != 0;
                return minimal ? Optional.of(new Read(value, i + 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void requireNonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a varint length is never negative");
        }
    }
}
