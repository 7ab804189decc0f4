package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.DealtBlsNetwork;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encrypt and decrypt with a dealt 2-of-3 network; every altered part and every wrong key is refused. */
class TimeLockTest {
    private static final DealtBlsNetwork NETWORK = DealtBlsNetwork.deal(2, 3, 41);
    private static final byte[] IDENTITY = utf8("lit-accesscontrolcondition://" + "ab".repeat(32) + "/"
            + "cd".repeat(32));
    private static final byte[] OTHER_IDENTITY = utf8("lit-accesscontrolcondition://" + "ab".repeat(32) + "/"
            + "ce".repeat(32));
    private static final BlsSignature KEY = NETWORK.signature(IDENTITY);
    private static final byte[] MESSAGE = utf8("the network keeps this until the conditions hold");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static TimeLockCiphertext encrypt(byte[] message, long seed) {
        return TimeLock.encrypt(NETWORK.publicKey(), IDENTITY, message, new SeededRandom(seed));
    }

    /** The ciphertext with byte {@code index} of its wire form XOR {@code mask}, parsed again. */
    private static TimeLockCiphertext flipped(TimeLockCiphertext c, int index, int mask) {
        byte[] raw = c.toBytes().toByteArray();
        raw[index] ^= (byte) mask;
        return TimeLockCiphertext.fromBytes(Bytes.of(raw));
    }

    private static void assertDoesNotOpen(TimeLockCiphertext c, BlsSignature key) {
        ThresholdException e = assertThrows(ThresholdException.class, () -> TimeLock.decrypt(c, key));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertTrue(e.getMessage().startsWith("time-lock ciphertext does not open under this decryption key"),
                e.getMessage());
    }

    @Test
    void encryptThenDecrypt_withTheCombinedSignature_givesThePlaintext() {
        TimeLockCiphertext c = encrypt(MESSAGE, 1);
        assertArrayEquals(MESSAGE, TimeLock.decrypt(c, KEY).exportSecret());
        assertArrayEquals(MESSAGE, TimeLock.decrypt(c, NETWORK.publicKey(), IDENTITY, KEY).exportSecret());
        BlsSignature fromOtherShares = BlsCombiner.combineAndVerify(NETWORK.signatureShares(IDENTITY, 3, 2), 2,
                NETWORK.publicKey(), IDENTITY);
        assertArrayEquals(MESSAGE, TimeLock.decrypt(c, fromOtherShares).exportSecret());
    }

    @Test
    void encrypt_sizes_areThoseOfTheJsSdk() {
        assertEquals(114, encrypt(new byte[0], 2).toBytes().size());
        assertEquals(114, encrypt(new byte[31], 3).toBytes().size());
        assertEquals(115, encrypt(new byte[32], 4).toBytes().size(), "lit-node-behaviour.md §9.2 V1");
        assertEquals(116, encrypt(new byte[33], 5).toBytes().size());
        assertEquals(48 + 32 + 2 + 130 + 1, encrypt(new byte[128], 6).toBytes().size(), "two-byte varints");
    }

    @Test
    void encrypt_sameInputsOtherRandomness_differentCiphertexts() {
        assertNotEquals(encrypt(MESSAGE, 7), encrypt(MESSAGE, 8));
        assertEquals(encrypt(MESSAGE, 7), encrypt(MESSAGE, 7), "randomness is the only input besides the data");
    }

    @Test
    void decrypt_signatureOverAnotherIdentity_refusedWithInvalidSignature() {
        TimeLockCiphertext c = encrypt(MESSAGE, 9);
        assertDoesNotOpen(c, NETWORK.signature(OTHER_IDENTITY));
        assertDoesNotOpen(c, DealtBlsNetwork.deal(2, 3, 42).signature(IDENTITY));
    }

    @Test
    void decryptVerifying_signatureNotOverTheGivenIdentity_refusedBeforeDecrypting() {
        TimeLockCiphertext c = encrypt(MESSAGE, 10);
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> TimeLock.decrypt(c, NETWORK.publicKey(), OTHER_IDENTITY, KEY));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertTrue(e.getMessage().startsWith("BLS signature over"), e.getMessage());
        BlsSignature other = NETWORK.signature(OTHER_IDENTITY);
        assertDoesNotOpen(c, other);
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                () -> TimeLock.decrypt(c, NETWORK.publicKey(), OTHER_IDENTITY, other)).code(),
                "a valid signature over the wrong identity still fails the integrity check");
    }

    @Test
    void decrypt_anyByteOfVOrWFlipped_refusedWithInvalidSignature() {
        TimeLockCiphertext c = encrypt(MESSAGE, 11);
        int vStart = 48;
        int wStart = 48 + 32 + 1;
        int wEnd = wStart + c.w().size();
        for (int i = vStart; i < wEnd; i++) {
            if (i == vStart + 32) {
                continue; // the length of W: a parse error, see TimeLockCiphertextTest
            }
            assertDoesNotOpen(flipped(c, i, 0x01), KEY);
        }
        assertDoesNotOpen(flipped(c, wStart, 0x80), KEY);
    }

    @Test
    void decrypt_paddingFlipped_refused_stricterThanBlsful() {
        TimeLockCiphertext c = encrypt(utf8("short"), 12);
        assertEquals(32, c.w().size());
        int lastOfW = 48 + 32 + 1 + 31;
        assertDoesNotOpen(flipped(c, lastOfW, 0x40), KEY);
    }

    @Test
    void decrypt_wExtendedByAByte_refused() {
        TimeLockCiphertext c = encrypt(MESSAGE, 13);
        byte[] longer = java.util.Arrays.copyOf(c.w().toByteArray(), c.w().size() + 1);
        assertDoesNotOpen(new TimeLockCiphertext(c.u(), c.v(), Bytes.of(longer)), KEY);
    }

    @Test
    void decrypt_anotherValidU_refused() {
        TimeLockCiphertext c = encrypt(MESSAGE, 14);
        TimeLockCiphertext other = encrypt(MESSAGE, 15);
        assertDoesNotOpen(new TimeLockCiphertext(other.u(), c.v(), c.w()), KEY);
        assertDoesNotOpen(new TimeLockCiphertext(NETWORK.publicKey(), c.v(), c.w()), KEY);
    }

    @Test
    void decrypt_uFlipped_refusedAsMalformedOrNotOpening() {
        TimeLockCiphertext c = encrypt(MESSAGE, 16);
        int parseErrors = 0;
        for (int i = 0; i < 48; i++) {
            TimeLockCiphertext altered;
            try {
                altered = flipped(c, i, i == 0 ? 0x01 : 0x10);
            } catch (ThresholdException e) {
                assertEquals(LitErrorCode.NodeParserError, e.code(), e.getMessage());
                assertTrue(e.getMessage().contains("time-lock U"), e.getMessage());
                parseErrors++;
                continue;
            }
            assertDoesNotOpen(altered, KEY);
        }
        assertTrue(parseErrors > 0, "some flips leave the curve");
    }

    @Test
    void encrypt_plaintextOverTheLimit_refusedWithInvalidArgument() {
        byte[] tooLong = new byte[TimeLock.MAX_PLAINTEXT_BYTES + 1];
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> TimeLock.encrypt(NETWORK.publicKey(), IDENTITY, tooLong, new SeededRandom(17)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("time-lock plaintext must be at most 67108864 bytes but is 67108865", e.getMessage());
    }

    @Test
    void plaintext_printsItsLengthOnly() {
        TimeLockPlaintext p = TimeLock.decrypt(encrypt(MESSAGE, 18), KEY);
        assertEquals("TimeLockPlaintext[" + MESSAGE.length + " bytes]", p.toString());
        assertTrue(p.sameSecretAs(TimeLockPlaintext.of(MESSAGE)));
        assertEquals(MESSAGE.length, p.size());
    }
}
