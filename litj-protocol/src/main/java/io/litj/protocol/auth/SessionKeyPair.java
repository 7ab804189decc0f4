package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 session key: the key a client signs every node request with ({@code js-sdk-v7-wire-format.md} §1).
 *
 * <p>The JS storage form is {@code {"publicKey":"<64 hex>","secretKey":"<128 hex = seed ‖ publicKey>"}}
 * (tweetnacl's layout). The URI that a SIWE delegates to is {@code lit:session:<publicKey hex>}.
 *
 * <p>Security: the seed lives only in this object. {@link #toString()} shows the public key's fingerprint;
 * there is no {@code equals}; {@link #exportSecretJson()} is the one way out, for persistence.
 */
public final class SessionKeyPair {
    /** The URI scheme prefix of session keys. */
    public static final String URI_PREFIX = "lit:session:";
    private static final Set<String> STORAGE_FIELDS = Set.of("publicKey", "secretKey");

    private final byte[] seed;
    private final byte[] publicKey;

    private SessionKeyPair(byte[] seed) {
        this.seed = seed;
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    }

    /** A new random key. */
    public static SessionKeyPair generate(SecureRandom random) {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        random.nextBytes(seed);
        return new SessionKeyPair(seed);
    }

    /** The key of a 32-byte seed. */
    public static SessionKeyPair fromSeed(byte[] seed) {
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "session key seed must be 32 bytes but is " + seed.length);
        }
        return new SessionKeyPair(seed.clone());
    }

    /**
     * Reads the JS storage form. The secret key's second half must equal the public key, and the public key must
     * be the one the seed derives.
     */
    public static SessionKeyPair fromStorageJson(String json) {
        JsonValue.JsonObject o = JsonReader.parseObject(json, LitErrorCode.InvalidArgument, "session key");
        JsonFields f = new JsonFields(o, LitErrorCode.InvalidArgument, "session key").onlyKnown(STORAGE_FIELDS);
        byte[] pub = Hex.decodeExact(f.string("publicKey"), 32, "session key publicKey");
        byte[] secret = Hex.decodeExact(f.string("secretKey"), 64, "session key secretKey");
        try {
            if (!Arrays.equals(pub, Arrays.copyOfRange(secret, 32, 64))) {
                throw new LitProtocolException(LitErrorCode.InvalidArgument,
                        "session key secretKey does not end with its publicKey");
            }
            SessionKeyPair pair = new SessionKeyPair(Arrays.copyOf(secret, 32));
            if (!Arrays.equals(pair.publicKey, pub)) {
                throw new LitProtocolException(LitErrorCode.InvalidArgument,
                        "session key publicKey is not the key of its seed");
            }
            return pair;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The 32-byte public key. */
    public Bytes publicKey() {
        return Bytes.of(publicKey);
    }

    /** The public key as 64 lowercase hex digits. */
    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }

    /** {@code lit:session:<publicKey hex>}. */
    public String uri() {
        return URI_PREFIX + publicKeyHex();
    }

    /** Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** The JS storage form (holds the secret: for persistence only). */
    public String exportSecretJson() {
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(publicKey, 0, secret, 32, 32);
        String json = JsJson.stringify(JsonValue.object().put("publicKey", publicKeyHex())
                .put("secretKey", Hex.encode(secret)).build());
        Arrays.fill(secret, (byte) 0);
        return json;
    }

    /** Constant-time comparison of the secrets. */
    public boolean sameSecretAs(SessionKeyPair other) {
        return MessageDigest.isEqual(seed, other.seed);
    }

    /** The public key's first and last four hex digits. */
    public String fingerprint() {
        return fingerprint(publicKeyHex());
    }

    static String fingerprint(String hex) {
        return hex.length() <= 8 ? hex : hex.substring(0, 4) + "…" + hex.substring(hex.length() - 4);
    }

    @Override
    public String toString() {
        return "SessionKeyPair[pub=" + fingerprint() + "]";
    }
}
