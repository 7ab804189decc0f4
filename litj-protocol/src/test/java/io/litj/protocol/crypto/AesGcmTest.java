package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] AAD = "entry 1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = "secret session key".getBytes(StandardCharsets.UTF_8);

    @Test
    void seal_thenOpen_roundTripsWithAFreshNonceEachTime() {
        SecureRandom random = new SecureRandom();
        byte[] a = AesGcm.seal(KEY, PLAIN, AAD, random);
        byte[] b = AesGcm.seal(KEY, PLAIN, AAD, random);
        assertFalse(Arrays.equals(a, b));
        assertEquals(AesGcm.NONCE_BYTES + PLAIN.length + 16, a.length);
        assertArrayEquals(PLAIN, AesGcm.open(KEY, a, AAD));
    }

    /** NIST GCM test case 13 (AES-256, zero key, zero IV, empty plaintext): the tag alone. */
    @Test
    void seal_matchesTheNistVectorForAnEmptyMessage() {
        SecureRandom zeroNonce = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0);
            }
        };
        byte[] box = AesGcm.seal(KEY, new byte[0], new byte[0], zeroNonce);
        assertEquals("530f8afbc74536b9a963b4f1c4cb738b", Hex.encode(Arrays.copyOfRange(box, 12, box.length)));
    }

    @Test
    void open_otherAssociatedData_isInvalidSignature() {
        byte[] box = AesGcm.seal(KEY, PLAIN, AAD, new SecureRandom());
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> AesGcm.open(KEY, box, "entry 2".getBytes(StandardCharsets.UTF_8)));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void open_flippedBitOrOtherKeyOrTruncated_isInvalidSignature() {
        byte[] box = AesGcm.seal(KEY, PLAIN, AAD, new SecureRandom());
        byte[] flipped = box.clone();
        flipped[box.length - 1] ^= 0x80;
        byte[] otherKey = KEY.clone();
        otherKey[0] = 1;
        assertEquals(LitErrorCode.InvalidSignature,
                assertThrows(LitProtocolException.class, () -> AesGcm.open(KEY, flipped, AAD)).code());
        assertEquals(LitErrorCode.InvalidSignature,
                assertThrows(LitProtocolException.class, () -> AesGcm.open(otherKey, box, AAD)).code());
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(LitProtocolException.class,
                () -> AesGcm.open(KEY, Arrays.copyOf(box, 20), AAD)).code());
    }

    @Test
    void seal_shortKey_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> AesGcm.seal(new byte[16], PLAIN, AAD, new SecureRandom())).code());
    }
}
