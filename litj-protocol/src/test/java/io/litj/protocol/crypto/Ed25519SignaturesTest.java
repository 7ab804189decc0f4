package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionKeyPair;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8032 §7.1 TEST 1 (empty message); the small-order encodings are the well-known torsion points of
 * edwards25519 (the blocklist used by libsodium and ed25519-dalek), canonical and non-canonical; {@code L} is the
 * group order from RFC 8032 §5.1.
 */
class Ed25519SignaturesTest {
    private static final byte[] SEED =
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "seed");
    private static final byte[] PUBLIC_KEY =
            Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "pk");
    private static final byte[] SIGNATURE = Hex.decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b", "sig");
    private static final BigInteger L =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** Encoding of the base point B (y = 4/5). */
    private static final byte[] BASE_POINT =
            Hex.decode("5866666666666666666666666666666666666666666666666666666666666666", "B");

    @Test
    void sessionKeyPair_rfc8032Test1Seed_givesRfcPublicKeyAndSignature() {
        SessionKeyPair pair = SessionKeyPair.fromSeed(SEED.clone());
        assertEquals(Hex.encode(PUBLIC_KEY), pair.publicKeyHex());
        assertArrayEquals(SIGNATURE, pair.sign(new byte[0]));
    }

    @Test
    void verifyStrict_rfc8032Test1_doesNotThrow() {
        assertDoesNotThrow(() -> Ed25519Signatures.verifyStrict(PUBLIC_KEY, new byte[0], SIGNATURE));
    }

    @Test
    void verifyStrict_sessionKeyRoundTrip_doesNotThrow() {
        SessionKeyPair pair = SessionKeyPair.fromSeed(Hex.decode("07".repeat(32), "seed"));
        byte[] message = "{\"sessionKey\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> Ed25519Signatures.verifyStrict(pair.publicKey().toByteArray(), message,
                pair.sign(message)));
    }

    @Test
    void verifyStrict_flippedSignatureBit_throwsInvalidSignature() {
        byte[] bad = SIGNATURE.clone();
        bad[10] ^= 0x01;
        refused(PUBLIC_KEY, new byte[0], bad);
    }

    @Test
    void verifyStrict_otherMessage_throwsInvalidSignature() {
        refused(PUBLIC_KEY, new byte[] {0x72}, SIGNATURE);
    }

    @Test
    void verifyStrict_nonCanonicalS_throwsInvalidSignature() {
        // S + L verifies under a lax verifier (same scalar mod L) but is not canonical
        byte[] bad = SIGNATURE.clone();
        byte[] s = littleEndian(fromLittleEndian(Arrays.copyOfRange(SIGNATURE, 32, 64)).add(L));
        System.arraycopy(s, 0, bad, 32, 32);
        refused(PUBLIC_KEY, new byte[0], bad);
    }

    @Test
    void verifyStrict_allZeroPublicKeyWithForgedSignature_throwsInvalidSignature() {
        // A = 00…00 is a point of order 4. With R = B and S = 1, [S]B = R + [k]A holds whenever k ≡ 0 (mod 4),
        // so pick a message for which k = SHA-512(R‖A‖M) mod L is a multiple of 4: a lax verifier accepts it.
        byte[] zeroKey = new byte[32];
        byte[] forged = new byte[64];
        System.arraycopy(BASE_POINT, 0, forged, 0, 32);
        forged[32] = 1;
        byte[] message = messageWithKMultipleOf4(zeroKey);
        refused(zeroKey, message, forged);
    }

    @Test
    void verifyStrict_identityPublicKeyWithForgedSignature_throwsInvalidSignature() {
        // A = identity: [1]B = B + [k]·identity for every message
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] forged = new byte[64];
        System.arraycopy(BASE_POINT, 0, forged, 0, 32);
        forged[32] = 1;
        refused(identity, "anything".getBytes(StandardCharsets.UTF_8), forged);
    }

    @Test
    void verifyStrict_smallOrderR_throwsInvalidSignature() {
        byte[] bad = SIGNATURE.clone();
        Arrays.fill(bad, 0, 32, (byte) 0);
        bad[0] = 1;
        refused(PUBLIC_KEY, new byte[0], bad);
    }

    @Test
    void verifyStrict_wrongLengths_throwInvalidSignature() {
        refused(Arrays.copyOf(PUBLIC_KEY, 31), new byte[0], SIGNATURE);
        refused(Arrays.copyOf(PUBLIC_KEY, 33), new byte[0], SIGNATURE);
        refused(PUBLIC_KEY, new byte[0], Arrays.copyOf(SIGNATURE, 63));
        refused(PUBLIC_KEY, new byte[0], Arrays.copyOf(SIGNATURE, 65));
        refused(new byte[0], new byte[0], new byte[0]);
    }

    @Test
    void verifyStrict_otherMessage_saysWhatDidNotVerify() {
        LitProtocolException e = refused(PUBLIC_KEY, new byte[] {0x72}, SIGNATURE);
        assertEquals("Ed25519 signature over 1 bytes does not verify under " + Hex.encode(PUBLIC_KEY), e.getMessage());
    }

    @Test
    void verifyStrict_smallOrderKey_saysSo() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        LitProtocolException e = refused(identity, new byte[0], SIGNATURE);
        assertEquals("Ed25519 public key " + Hex.encode(identity) + " is a point of small order", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0100000000000000000000000000000000000000000000000000000000000000", // identity (order 1)
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = -1 (order 2)
        "0000000000000000000000000000000000000000000000000000000000000000", // y = 0 (order 4)
        "0000000000000000000000000000000000000000000000000000000000000080", // y = 0, other x (order 4)
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8, other x
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8, other x
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p (non-canonical 0)
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1 (non-canonical 1)
    })
    void isSmallOrder_torsionEncoding_true(String hex) {
        assertTrue(Ed25519Signatures.isSmallOrder(Hex.decode(hex, "p"), 0));
    }

    @Test
    void isSmallOrder_ordinaryKeysAtOffsets_false() {
        assertFalse(Ed25519Signatures.isSmallOrder(PUBLIC_KEY, 0));
        assertFalse(Ed25519Signatures.isSmallOrder(BASE_POINT, 0));
        byte[] withPrefix = new byte[40];
        System.arraycopy(PUBLIC_KEY, 0, withPrefix, 8, 32);
        assertFalse(Ed25519Signatures.isSmallOrder(withPrefix, 8));
        withPrefix[8] = 1;
        Arrays.fill(withPrefix, 9, 40, (byte) 0);
        assertTrue(Ed25519Signatures.isSmallOrder(withPrefix, 8));
    }

    private static LitProtocolException refused(byte[] publicKey, byte[] message, byte[] signature) {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> Ed25519Signatures.verifyStrict(publicKey, message, signature));
        assertEquals(LitErrorCode.InvalidSignature, e.code(), e::getMessage);
        return e;
    }

    private static byte[] messageWithKMultipleOf4(byte[] publicKey) {
        try {
            for (int i = 0; ; i++) {
                byte[] m = ("forged " + i).getBytes(StandardCharsets.UTF_8);
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-512");
                sha.update(BASE_POINT);
                sha.update(publicKey);
                sha.update(m);
                BigInteger k = fromLittleEndian(sha.digest()).mod(L);
                if (k.testBit(0) || k.testBit(1)) {
                    continue;
                }
                return m;
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] littleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
