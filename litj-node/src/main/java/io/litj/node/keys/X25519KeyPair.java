package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An X25519 key pair (RFC 7748) for encrypting node-to-node secrets. A node's pair is derived from its Ed25519
 * identity key with the standard birational map, so the registry's identity keys are also the nodes' encryption
 * keys: the secret is {@code clamp(SHA-512(seed)[0..32])} (the Ed25519 signing scalar), the public key
 * {@code u = (1 + y) / (1 − y) mod 2^255 − 19} of the Edwards point's {@code y} (libsodium's
 * {@code crypto_sign_ed25519_*_to_curve25519}). Ephemeral pairs come from {@link #generate}.
 *
 * <p>Security: the secret never prints ({@link #toString()} shows the public key's first and last four hex digits),
 * there is no {@code equals}; it leaves only as the result of {@link #agree}, which refuses low-order keys.
 * Thread-safe; immutable.
 */
public final class X25519KeyPair {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private final byte[] secret;
    private final byte[] publicKey;

    private X25519KeyPair(byte[] secret) {
        this.secret = secret;
        this.publicKey = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(secret, 0, publicKey, 0);
    }

    /**
     * The pair of an Ed25519 identity seed (32 bytes).
     *
     * @throws LitNodeException {@code InvalidArgument} if the seed is not 32 bytes
     */
    public static X25519KeyPair fromEd25519Seed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new LitNodeException(LitErrorCode.InvalidArgument,
                    "an Ed25519 seed is 32 bytes but this one is " + seed.length);
        }
        byte[] h = sha512(seed);
        try {
            byte[] s = Arrays.copyOf(h, X25519.SCALAR_SIZE);
            X25519.clampPrivateKey(s);
            return new X25519KeyPair(s);
        } finally {
            Arrays.fill(h, (byte) 0);
        }
    }

    /** A fresh random pair (an ephemeral key). */
    public static X25519KeyPair generate(SecureRandom random) {
        byte[] s = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, s);
        return new X25519KeyPair(s);
    }

    /**
     * The X25519 public key of an Ed25519 public key: {@code u = (1 + y) / (1 − y)}.
     *
     * @throws LitNodeException {@code InvalidArgument} if the key is not 32 bytes, not a valid Ed25519 point, or a
     *     point of small order
     */
    public static Bytes publicKeyFromEd25519(Bytes edPublicKey) {
        byte[] ed = edPublicKey.toByteArray();
        if (ed.length != Ed25519.PUBLIC_KEY_SIZE || !Ed25519.validatePublicKeyFull(ed, 0)) {
            throw new LitNodeException(LitErrorCode.InvalidArgument,
                    "not a valid Ed25519 public key: " + edPublicKey.hex());
        }
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = ed[31 - i];
        }
        be[0] &= 0x7f; // the top bit is the sign of x
        BigInteger y = new BigInteger(1, be);
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(P).modInverse(P)).mod(P);
        byte[] raw = u.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < Math.min(raw.length, 32); i++) {
            le[i] = raw[raw.length - 1 - i];
        }
        return Bytes.of(le);
    }

    /** The 32-byte public key (little-endian u-coordinate). */
    public Bytes publicKey() {
        return Bytes.of(publicKey);
    }

    /**
     * The raw X25519 shared secret with {@code peerPublicKey}; feed it to a KDF, never use it as a key.
     *
     * @throws LitNodeException {@code NodeBadInput} if the peer key is not 32 bytes or of low order (all-zero
     *     result)
     */
    public byte[] agree(Bytes peerPublicKey) {
        byte[] peer = peerPublicKey.toByteArray();
        byte[] out = new byte[X25519.POINT_SIZE];
        if (peer.length != X25519.POINT_SIZE || !X25519.calculateAgreement(secret, 0, peer, 0, out, 0)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput,
                    "X25519 key " + peerPublicKey.hex() + " is not a usable public key");
        }
        return out;
    }

    /** Constant-time comparison of the secrets. */
    public boolean sameSecretAs(X25519KeyPair other) {
        return MessageDigest.isEqual(secret, other.secret);
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    @Override
    public String toString() {
        String hex = Bytes.of(publicKey).hex();
        return "X25519KeyPair[pub=" + hex.substring(0, 4) + "…" + hex.substring(hex.length() - 4) + "]";
    }
}
