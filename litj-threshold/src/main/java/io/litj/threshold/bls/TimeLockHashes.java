package io.litj.threshold.bls;

import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.internal.Gt;
import io.litj.threshold.internal.PrimeField;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * The three hash functions of blsful's time-lock scheme ({@code lit-node-behaviour.md} §6.2): {@code H_s} to a
 * scalar, {@code SHA-256} of a pairing value (the mask of {@code alpha}), and the SHAKE128 stream (the mask of the
 * padded message). Package-private: {@link TimeLock} is the only user.
 */
final class TimeLockHashes {
    private static final byte[] SALT = "TIMELOCK_BLS12381_XOF:HKDF-SHA2-256_".getBytes(StandardCharsets.US_ASCII);
    /** HKDF output length: 48 bytes reduced mod r, as in the IETF BLS KeyGen. */
    private static final int WIDE = 48;
    private static final byte[] INFO = {0, WIDE};
    private static final int CHUNK = 8192;

    private TimeLockHashes() {
    }

    /**
     * {@code H_s(x)}: HKDF-SHA256 with the scheme's salt over {@code x ‖ 0x00}, info {@code 0x00 0x30}, 48 bytes
     * read big-endian and reduced mod r.
     */
    static BigInteger toScalar(byte[] x) {
        byte[] ikm = Arrays.copyOf(x, x.length + 1);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, SALT, INFO));
        byte[] okm = new byte[WIDE];
        hkdf.generateBytes(okm, 0, WIDE);
        BigInteger s = PrimeField.BLS12_381_R.reduce(new BigInteger(1, okm));
        Arrays.fill(ikm, (byte) 0);
        Arrays.fill(okm, (byte) 0);
        return s;
    }

    /** {@code r = H_s(alpha ‖ SHA-256(message))}. */
    static BigInteger nonce(byte[] alpha, byte[] message) {
        byte[] input = Arrays.copyOf(alpha, alpha.length + 32);
        System.arraycopy(Hashes.sha256(message), 0, input, alpha.length, 32);
        BigInteger r = toScalar(input);
        Arrays.fill(input, (byte) 0);
        return r;
    }

    /** {@code mask XOR SHA-256(e(p, q))}, with the pairing value in Lit's byte order; {@code mask} is 32 bytes. */
    static byte[] xorPairingHash(P1_Affine p, P2_Affine q, byte[] mask) {
        byte[] h = Hashes.sha256(Gt.pairingBytes(p, q));
        for (int i = 0; i < h.length; i++) {
            h[i] ^= mask[i];
        }
        return h;
    }

    /** {@code data XOR SHAKE128(alpha)}, in place; returns {@code data}. */
    static byte[] xorShake(byte[] alpha, byte[] data) {
        SHAKEDigest shake = new SHAKEDigest(128);
        shake.update(alpha, 0, alpha.length);
        byte[] stream = new byte[Math.min(CHUNK, data.length)];
        for (int at = 0; at < data.length; at += stream.length) {
            int n = Math.min(stream.length, data.length - at);
            shake.doOutput(stream, 0, n);
            for (int i = 0; i < n; i++) {
                data[at + i] ^= stream[i];
            }
        }
        Arrays.fill(stream, (byte) 0);
        return data;
    }
}
