package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.keys.X25519KeyPair;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a DKG private share, or a private message of a protocol run, to its recipient, so that only that node
 * reads it in transit:
 * <pre>
 * P_x      = X25519 public key of node x's Ed25519 identity key (the registry's identityKey)
 * e, E     = a fresh X25519 pair per message
 * ikm      = X25519(e, P_to) ‖ X25519(s_from, P_to)          (ephemeral-static and static-static)
 * info     = "litj-peer-v1 " purpose "\n" session "\n" from "\n" to   (purpose "dkg-share" for DKG shares,
 *            "protocol" for private messages of protocol runs; node indexes, decimal)
 * key      = HKDF-SHA256(salt = E, ikm, info, 32)
 * ct       = AES-256-GCM(key, iv = 12 random bytes, aad = info, plaintext = the 32-byte share value)
 * wire     = {"epk":"&lt;E, 64 hex&gt;","iv":"&lt;24 hex&gt;","ct":"&lt;hex: plaintext + 16-byte tag (96 hex for a share)&gt;"}
 * </pre>
 * The static-static part binds the sender's identity; the ephemeral part gives each message its own key. Thread-safe.
 */
final class ShareCipher {
    private static final Set<String> FIELDS = Set.of("epk", "iv", "ct");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String DKG_SHARE = "dkg-share";

    private final X25519KeyPair own;
    private final SecureRandom random;

    ShareCipher(X25519KeyPair own, SecureRandom random) {
        this.own = own;
        this.random = random;
    }

    /** Seals {@code share} from node {@code from} (this node) to node {@code to}. */
    JsonValue.JsonObject seal(String session, NodeEntry from, NodeEntry to, Share share) {
        byte[] plain = share.value().exportSecret();
        try {
            return sealBytes(DKG_SHARE, session, from, to, plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Seals {@code plain} from node {@code from} (this node) to node {@code to} under the label {@code purpose}
     * (part of the key derivation and the authenticated data, so a message sealed for one purpose never opens as
     * another's). The wire form is that of a DKG share, with {@code ct} of any length.
     */
    JsonValue.JsonObject sealBytes(String purpose, String session, NodeEntry from, NodeEntry to, byte[] plain) {
        X25519KeyPair ephemeral = X25519KeyPair.generate(random);
        Bytes recipient = X25519KeyPair.publicKeyFromEd25519(Bytes.fromHex(to.identityKey(), "identityKey"));
        byte[] info = info(purpose, session, from.index(), to.index());
        byte[] key = key(ephemeral.agree(recipient), own.agree(recipient), ephemeral.publicKey(), info);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] ct = cipher(Cipher.ENCRYPT_MODE, key, iv, info).doFinal(plain);
            return JsonValue.object().put("epk", ephemeral.publicKey().hex()).put("iv", Hex.encode(iv))
                    .put("ct", Hex.encode(ct)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a share that node {@code from} sealed to node {@code to} (this node) as party {@code partyId}'s share of
     * a {@code group} key.
     *
     * @throws LitNodeException {@code NodeBadInput} if the object is malformed, does not decrypt (wrong sender,
     *     recipient, session or a changed byte) or is not a scalar of the group
     */
    Share open(String session, NodeEntry from, NodeEntry to, JsonValue.JsonObject sealed, Group group, int partyId) {
        String where = "sealed share from node " + from.index();
        byte[] plain = openBytes(DKG_SHARE, session, from, to, sealed, 32, where);
        try {
            return Share.of(partyId, SecretScalar.of(group, plain));
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, where + " is malformed: " + e.getMessage());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens what node {@code from} sealed with {@link #sealBytes} to node {@code to} (this node) for
     * {@code purpose}; the plaintext is at most {@code maxPlainBytes} (for a DKG share: exactly 32).
     *
     * @throws LitNodeException {@code NodeBadInput} if the object is malformed, too long or does not decrypt
     */
    byte[] openBytes(String purpose, String session, NodeEntry from, NodeEntry to, JsonValue.JsonObject sealed,
            int maxPlainBytes, String where) {
        byte[] key = null;
        try {
            JsonFields f = new JsonFields(sealed, LitErrorCode.NodeBadInput, where).onlyKnown(FIELDS);
            Bytes epk = Bytes.of(Hex.decodeExact(f.string("epk"), 32, where + " epk"));
            byte[] iv = Hex.decodeExact(f.string("iv"), IV_BYTES, where + " iv");
            String ctHex = f.string("ct");
            int tag = TAG_BITS / 8;
            if (ctHex.length() > 2L * (maxPlainBytes + tag) || ctHex.length() < 2 * tag
                    || (purpose.equals(DKG_SHARE) && ctHex.length() != 2 * (maxPlainBytes + tag))) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, where + " is malformed: ct has "
                        + ctHex.length() + " hex characters");
            }
            byte[] ct = Hex.decode(ctHex, where + " ct");
            Bytes sender = X25519KeyPair.publicKeyFromEd25519(Bytes.fromHex(from.identityKey(), "identityKey"));
            byte[] info = info(purpose, session, from.index(), to.index());
            key = key(own.agree(epk), own.agree(sender), epk, info);
            return cipher(Cipher.DECRYPT_MODE, key, iv, info).doFinal(ct);
        } catch (AEADBadTagException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, where + " does not decrypt for node " + to.index());
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, where + " is malformed: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static byte[] info(String purpose, String session, int from, int to) {
        return ("litj-peer-v1 " + purpose + "\n" + session + "\n" + from + "\n" + to).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key(byte[] ephemeralStatic, byte[] staticStatic, Bytes epk, byte[] info) {
        byte[] ikm = new byte[ephemeralStatic.length + staticStatic.length];
        System.arraycopy(ephemeralStatic, 0, ikm, 0, ephemeralStatic.length);
        System.arraycopy(staticStatic, 0, ikm, ephemeralStatic.length, staticStatic.length);
        try {
            return Hkdf.sha256(epk.toByteArray(), ikm, info, 32);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            Arrays.fill(ephemeralStatic, (byte) 0);
            Arrays.fill(staticStatic, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(aad);
        return c;
    }
}
