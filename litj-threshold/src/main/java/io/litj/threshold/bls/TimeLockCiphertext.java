package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import io.litj.threshold.internal.Leb128;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A time-lock ciphertext of blsful's {@code TimeCryptCiphertext} for the proof-of-possession scheme, the
 * {@code ciphertext} of the JS SDK's {@code encrypt} ({@code lit-node-behaviour.md} §6.2,
 * {@code js-sdk-v7-wire-format.md} §8.4). Made by {@link TimeLock#encrypt}, opened by {@link TimeLock#decrypt}.
 *
 * <p>Wire form (serde_bare): {@code U} (48-byte compressed G1) ‖ {@code V} (32 bytes) ‖ unsigned LEB128
 * {@code len(W)} ‖ {@code W} ‖ scheme byte {@code 0x02} (ProofOfPossession); the SDK carries it as standard
 * base64 with padding ({@link #toBase64()}, {@link #parse(String)}).
 *
 * <p>Only well-formed ciphertexts exist: {@code U} is a subgroup point other than the identity, {@code V} is 32
 * bytes, {@code W} holds {@value #MIN_W_BYTES}..{@link #MAX_W_BYTES} bytes (an encrypted plaintext of at most
 * {@link TimeLock#MAX_PLAINTEXT_BYTES} bytes). Whether it was altered is only known when it is decrypted. A
 * ciphertext is public: it prints {@code U}, {@code V} and the size of {@code W}. Immutable, thread-safe, equal by
 * content.
 *
 * @param u {@code r·G1}
 * @param v {@code alpha XOR SHA-256(e(r·pk, H(identity)))}, 32 bytes
 * @param w the padded plaintext XOR SHAKE128(alpha)
 */
public record TimeLockCiphertext(BlsPublicKey u, Bytes v, Bytes w) {
    /** The scheme byte of blsful's {@code SignatureSchemes::ProofOfPossession}, the only one Lit uses. */
    public static final int SCHEME_PROOF_OF_POSSESSION = 2;
    /** Length of {@code V}. */
    public static final int V_BYTES = 32;
    /** Shortest {@code W}: the padded plaintext is at least 32 bytes. */
    public static final int MIN_W_BYTES = 32;
    /** Longest {@code W}: the length varint and {@link TimeLock#MAX_PLAINTEXT_BYTES} bytes. */
    public static final int MAX_W_BYTES = Leb128.size(TimeLock.MAX_PLAINTEXT_BYTES) + TimeLock.MAX_PLAINTEXT_BYTES;
    /** Longest binary form. */
    public static final int MAX_BYTES = Blst.G1_BYTES + V_BYTES + Leb128.size(MAX_W_BYTES) + MAX_W_BYTES + 1;
    /** Longest base64 form. */
    public static final int MAX_BASE64_CHARS = 4 * ((MAX_BYTES + 2) / 3);

    private static final int MIN_BYTES = Blst.G1_BYTES + V_BYTES + 1 + MIN_W_BYTES + 1;

    /**
     * @throws ThresholdException {@code InvalidArgument} for a {@code V} of another length or a {@code W} outside
     *     {@value #MIN_W_BYTES}..{@link #MAX_W_BYTES} bytes
     */
    public TimeLockCiphertext {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(w, "w");
        checkSizes(v.size(), w.size(), LitErrorCode.InvalidArgument);
    }

    /**
     * Reads the JS SDK's base64 {@code ciphertext}: standard alphabet, padded, nothing else (no whitespace, no
     * URL-safe characters, no non-zero trailing bits); its length is checked before it is decoded.
     *
     * @throws ThresholdException {@code NodeParserError} for anything else, or as {@link #fromBytes}
     */
    public static TimeLockCiphertext parse(String base64) {
        Objects.requireNonNull(base64, "base64");
        if (base64.length() > MAX_BASE64_CHARS) {
            throw malformed("base64 must be at most " + MAX_BASE64_CHARS + " characters but is " + base64.length());
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("is not base64 (" + e.getMessage() + ")");
        }
        if (!canonical(base64, raw)) {
            throw malformed("base64 is not in canonical padded form");
        }
        return fromBytes(raw);
    }

    /**
     * Whether {@code text}, which the JDK decoder accepted as {@code raw}, is the one padded encoding of it: the
     * decoder has checked the alphabet and where padding may stand; what remains is the length (padding present)
     * and the last group (zero trailing bits), so the check does not re-encode everything.
     */
    private static boolean canonical(String text, byte[] raw) {
        if (text.length() != 4 * ((raw.length + 2) / 3)) {
            return false;
        }
        int last = raw.length == 0 ? 0 : 1 + (raw.length - 1) % 3;
        return text.endsWith(Base64.getEncoder().encodeToString(Arrays.copyOfRange(raw, raw.length - last,
                raw.length)));
    }

    /**
     * Reads the binary form strictly: exact total length, a minimal varint, scheme byte {@code 0x02}, no trailing
     * bytes; the sizes are checked before {@code W} is copied.
     *
     * @throws ThresholdException {@code NodeParserError} for a wrong length, a bad varint, an invalid {@code U},
     *     another scheme, or a {@code W} outside {@value #MIN_W_BYTES}..{@link #MAX_W_BYTES} bytes
     */
    public static TimeLockCiphertext fromBytes(Bytes bytes) {
        checkTotal(bytes.size());
        return fromBytes(bytes.toByteArray());
    }

    private static void checkTotal(int size) {
        if (size < MIN_BYTES || size > MAX_BYTES) {
            throw malformed("must be " + MIN_BYTES + ".." + MAX_BYTES + " bytes but is " + size);
        }
    }

    private static TimeLockCiphertext fromBytes(byte[] in) {
        checkTotal(in.length);
        int at = Blst.G1_BYTES + V_BYTES;
        Leb128.Read len = Leb128.read(in, at, in.length, MAX_W_BYTES).orElseThrow(() ->
                malformed("length of W at byte " + (Blst.G1_BYTES + V_BYTES) + " is not a minimal varint of at most "
                        + MAX_W_BYTES));
        at += len.length();
        long expected = (long) at + len.value() + 1;
        if (expected != in.length) {
            throw malformed("declares W of " + len.value() + " bytes, so it must be " + expected + " bytes but is "
                    + in.length);
        }
        checkSizes(V_BYTES, (int) len.value(), LitErrorCode.NodeParserError);
        int scheme = in[in.length - 1] & 0xff;
        if (scheme != SCHEME_PROOF_OF_POSSESSION) {
            throw malformed("scheme byte must be " + SCHEME_PROOF_OF_POSSESSION + " (ProofOfPossession) but is "
                    + scheme);
        }
        BlsPublicKey u = BlsPublicKey.fromPoint(Blst.decodeG1(Arrays.copyOf(in, Blst.G1_BYTES), "time-lock U",
                false));
        return new TimeLockCiphertext(u, Bytes.of(Arrays.copyOfRange(in, Blst.G1_BYTES, Blst.G1_BYTES + V_BYTES)),
                Bytes.of(Arrays.copyOfRange(in, at, at + (int) len.value())));
    }

    /** The binary wire form. */
    public Bytes toBytes() {
        byte[] wBytes = w.toByteArray();
        byte[] out = new byte[Blst.G1_BYTES + V_BYTES + Leb128.size(wBytes.length) + wBytes.length + 1];
        System.arraycopy(u.toBytes().toByteArray(), 0, out, 0, Blst.G1_BYTES);
        System.arraycopy(v.toByteArray(), 0, out, Blst.G1_BYTES, V_BYTES);
        int at = Leb128.write(wBytes.length, out, Blst.G1_BYTES + V_BYTES);
        System.arraycopy(wBytes, 0, out, at, wBytes.length);
        out[out.length - 1] = (byte) SCHEME_PROOF_OF_POSSESSION;
        return Bytes.of(out);
    }

    /** Standard padded base64 of {@link #toBytes()}, as the JS SDK's {@code encrypt} returns it. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes().toByteArray());
    }

    @Override
    public String toString() {
        return "TimeLockCiphertext[u=" + u.toHex() + " v=" + v.hex() + " w=" + w.size() + " bytes]";
    }

    private static void checkSizes(int vSize, int wSize, LitErrorCode code) {
        if (vSize != V_BYTES) {
            throw new ThresholdException(code, "time-lock ciphertext V must be " + V_BYTES + " bytes but is " + vSize);
        }
        if (wSize < MIN_W_BYTES || wSize > MAX_W_BYTES) {
            throw new ThresholdException(code, "time-lock ciphertext W must be " + MIN_W_BYTES + ".." + MAX_W_BYTES
                    + " bytes but is " + wSize);
        }
    }

    private static ThresholdException malformed(String what) {
        return new ThresholdException(LitErrorCode.NodeParserError, "time-lock ciphertext " + what);
    }
}
