package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import io.litj.threshold.internal.Leb128;
import io.litj.threshold.internal.PrimeField;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * Lit's time-lock (identity-based) encryption to the network's BLS root key: blsful's {@code TimeCrypt} for the
 * proof-of-possession scheme, byte-compatible with the JS SDK 7.4.0 {@code encrypt} / {@code decrypt}
 * ({@code lit-node-behaviour.md} §6.2, {@code js-sdk-v7-wire-format.md} §8.4). Anyone encrypts with the public
 * key and an identity; whoever holds the network's signature over that identity (combined from node shares by
 * {@link BlsCombiner}) decrypts.
 *
 * <p>Encryption: {@code alpha = H_s(32 random bytes)}, {@code r = H_s(alpha ‖ SHA-256(m))}, {@code U = r·G1},
 * {@code V = alpha XOR SHA-256(e(r·pk, H_G2(identity)))}, {@code W = P XOR SHAKE128(alpha)} with
 * {@code P = varint(len m) ‖ m}, zero-padded to 32 bytes. Decryption recomputes {@code alpha} from
 * {@code e(U, sig)}, then {@code P}, and checks {@code U == H_s(alpha ‖ SHA-256(m))·G1}. All curve and pairing
 * arithmetic is blst's; the hashes are the JDK's SHA-256 and Bouncy Castle's HKDF and SHAKE128.
 *
 * <p>Limits: plaintexts of at most {@value #MAX_PLAINTEXT_BYTES} bytes (64 MiB), checked before anything is
 * allocated. Stricter than blsful (deliberately): {@code P} must be exactly what an encryptor writes (minimal
 * varint, zero padding, no extra bytes), so that no byte of {@code W} can be changed unnoticed.
 *
 * <p>Security: decrypting does not reveal why a ciphertext fails: altered ciphertext and a key for another
 * identity give the same error. Thread-safe; no state.
 */
public final class TimeLock {
    /** Largest plaintext: 64 MiB. */
    public static final int MAX_PLAINTEXT_BYTES = 64 << 20;

    private static final int ALPHA_BYTES = 32;

    private TimeLock() {
    }

    /**
     * Encrypts {@code plaintext} to {@code identity} under the network key.
     *
     * @param identity the bytes the network will sign to release the key (Lit: the UTF-8 of
     *     {@code lit-accesscontrolcondition://<accHash>/<dataHash>}); any length
     * @throws ThresholdException {@code InvalidArgument} for a plaintext over {@value #MAX_PLAINTEXT_BYTES} bytes
     */
    public static TimeLockCiphertext encrypt(BlsPublicKey networkKey, byte[] identity, byte[] plaintext,
            SecureRandom random) {
        Objects.requireNonNull(networkKey, "networkKey");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(random, "random");
        if (plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "time-lock plaintext must be at most "
                    + MAX_PLAINTEXT_BYTES + " bytes but is " + plaintext.length);
        }
        byte[] alpha;
        BigInteger r;
        do {
            byte[] seed = new byte[ALPHA_BYTES];
            random.nextBytes(seed);
            alpha = PrimeField.BLS12_381_R.toBytes(TimeLockHashes.toScalar(seed));
            Arrays.fill(seed, (byte) 0);
            r = TimeLockHashes.nonce(alpha, plaintext);
        } while (r.signum() == 0);
        P1_Affine u = P1.generator().sign_with(Blst.scalar(r)).to_affine();
        P1_Affine rKey = networkKey.point().to_jacobian().sign_with(Blst.scalar(r)).to_affine();
        byte[] v = TimeLockHashes.xorPairingHash(rKey, Blst.hashToG2(identity).to_affine(), alpha);
        byte[] w = TimeLockHashes.xorShake(alpha, pad(plaintext));
        Arrays.fill(alpha, (byte) 0);
        return new TimeLockCiphertext(BlsPublicKey.fromPoint(u), Bytes.of(v), Bytes.of(w));
    }

    /**
     * Decrypts with the network's signature over the identity the ciphertext was made for. Use a signature that
     * {@link BlsCombiner#combineAndVerify} returned for that identity: any other signature fails the integrity
     * check.
     *
     * @throws ThresholdException {@code InvalidSignature} if the ciphertext does not open under this key: it was
     *     altered, or the signature is over another identity or by another key
     */
    public static TimeLockPlaintext decrypt(TimeLockCiphertext ciphertext, BlsSignature decryptionKey) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        P1_Affine u = ciphertext.u().point();
        byte[] alpha = TimeLockHashes.xorPairingHash(u, decryptionKey.point(), ciphertext.v().toByteArray());
        byte[] padded = TimeLockHashes.xorShake(alpha, ciphertext.w().toByteArray());
        try {
            byte[] message = unpad(padded);
            BigInteger r = TimeLockHashes.nonce(alpha, message);
            if (r.signum() == 0 || !P1.generator().sign_with(Blst.scalar(r)).is_equal(u.to_jacobian())) {
                Arrays.fill(message, (byte) 0);
                throw doesNotOpen();
            }
            return TimeLockPlaintext.own(message);
        } finally {
            Arrays.fill(alpha, (byte) 0);
            Arrays.fill(padded, (byte) 0);
        }
    }

    /**
     * Verifies {@code signature} over {@code identity} under {@code networkKey}, then decrypts with it: for a
     * signature that did not come from {@link BlsCombiner}.
     *
     * @throws ThresholdException {@code InvalidSignature} if the signature does not verify over the identity, or
     *     as {@link #decrypt(TimeLockCiphertext, BlsSignature)}
     */
    public static TimeLockPlaintext decrypt(TimeLockCiphertext ciphertext, BlsPublicKey networkKey, byte[] identity,
            BlsSignature signature) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Bls.verify(networkKey, identity, signature);
        return decrypt(ciphertext, signature);
    }

    /** {@code varint(len m) ‖ m}, zero-padded to at least 32 bytes. */
    private static byte[] pad(byte[] message) {
        int header = Leb128.size(message.length);
        byte[] out = new byte[Math.max(TimeLockCiphertext.MIN_W_BYTES, header + message.length)];
        Leb128.write(message.length, out, 0);
        System.arraycopy(message, 0, out, header, message.length);
        return out;
    }

    /** The message of a padded plaintext that {@link #pad} would have written exactly. */
    private static byte[] unpad(byte[] padded) {
        Leb128.Read len = Leb128.read(padded, 0, padded.length, MAX_PLAINTEXT_BYTES).orElseThrow(TimeLock::doesNotOpen);
        int end = len.length() + (int) len.value();
        if (padded.length != Math.max(TimeLockCiphertext.MIN_W_BYTES, end)) {
            throw doesNotOpen();
        }
        int stray = 0;
        for (int i = end; i < padded.length; i++) {
            stray |= padded[i];
        }
        if (stray != 0) {
            throw doesNotOpen();
        }
        return Arrays.copyOfRange(padded, len.length(), end);
    }

    private static ThresholdException doesNotOpen() {
        return new ThresholdException(LitErrorCode.InvalidSignature, "time-lock ciphertext does not open under this"
                + " decryption key: it was altered, or the key is not the network signature over its identity");
    }
}
