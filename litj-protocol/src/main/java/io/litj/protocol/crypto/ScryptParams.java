package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The scrypt (RFC 7914) parameters that turn a passphrase into a 32-byte key: cost {@code 2^logN}, block size
 * {@code r}, parallelism {@code p} and a salt. Parameters read from a file are bounded before any work (at most
 * 2^20 × 8 × 128 bytes of memory), so a crafted file cannot make a reader spend minutes or gigabytes.
 *
 * @param logN log2 of the CPU/memory cost, 10..20
 * @param r the block size, 1..16
 * @param p the parallelism, 1..4
 * @param salt 16..64 random bytes
 */
public record ScryptParams(int logN, int r, int p, Bytes salt) {
    /** The cost of new stores: 2^15 × 8 × 128 bytes = 32 MiB of memory per derivation. */
    public static final int DEFAULT_LOG_N = 15;
    private static final int MAX_LOG_N = 20;
    private static final int MIN_LOG_N = 10;

    public ScryptParams {
        if (logN < MIN_LOG_N || logN > MAX_LOG_N || r < 1 || r > 16 || p < 1 || p > 4 || r * (1L << logN) > 8L << 20) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "scrypt parameters logN=" + logN + " r=" + r
                    + " p=" + p + " are outside logN 10..20, r 1..16, p 1..4, 2^logN*r <= 2^23");
        }
        if (salt.size() < 16 || salt.size() > 64) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "a scrypt salt is 16..64 bytes, not "
                    + salt.size());
        }
    }

    /** New parameters with the default cost and a 16-byte salt from {@code random}. */
    public static ScryptParams fresh(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new ScryptParams(DEFAULT_LOG_N, 8, 1, Bytes.of(salt));
    }

    /**
     * The 32-byte key of {@code passphrase} (its Unicode NFC form, UTF-8). The caller owns and should wipe both.
     *
     * @throws LitProtocolException {@code InvalidArgument} for an empty passphrase
     */
    public byte[] derive(char[] passphrase) {
        if (passphrase.length == 0) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "the passphrase is empty");
        }
        String normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(normalized);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            return SCrypt.generate(bytes, salt.toByteArray(), 1 << logN, r, p, AesGcm.KEY_BYTES);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
