package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import org.junit.jupiter.api.Test;

class ScryptParamsTest {
    private static final Bytes SALT = Bytes.of(new byte[16]);

    /** The passphrase in NFC and in NFD form derive the same key; another passphrase does not. */
    @Test
    void derive_normalizesThePassphrase() {
        ScryptParams p = new ScryptParams(10, 8, 1, SALT);
        String nfc = Hex.encode(p.derive("caf\u00e9".toCharArray()));
        assertEquals(nfc, Hex.encode(p.derive("cafe\u0301".toCharArray())));
        assertEquals(64, nfc.length());
        org.junit.jupiter.api.Assertions.assertNotEquals(nfc, Hex.encode(p.derive("cafe".toCharArray())));
    }

    /** RFC 7914 §12, second vector ("password", "NaCl", N=1024, r=8, p=16) cut to 32 bytes, with p within bounds. */
    @Test
    void derive_matchesBouncyCastleScryptForTheRfcPassword() {
        byte[] salt = "NaCl-NaCl-NaCl-N".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] expected = org.bouncycastle.crypto.generators.SCrypt.generate(
                "password".getBytes(java.nio.charset.StandardCharsets.US_ASCII), salt, 1024, 8, 2, 32);
        assertEquals(Hex.encode(expected),
                Hex.encode(new ScryptParams(10, 8, 2, Bytes.of(salt)).derive("password".toCharArray())));
    }

    @Test
    void constructor_outOfBounds_isInvalidArgument() {
        for (int[] bad : new int[][] {{21, 8, 1}, {9, 8, 1}, {15, 0, 1}, {15, 17, 1}, {15, 8, 5}, {20, 16, 1}}) {
            LitProtocolException e = assertThrows(LitProtocolException.class,
                    () -> new ScryptParams(bad[0], bad[1], bad[2], SALT));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
        }
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> new ScryptParams(15, 8, 1, Bytes.of(new byte[8]))).code());
    }

    @Test
    void derive_emptyPassphrase_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> new ScryptParams(10, 8, 1, SALT).derive(new char[0])).code());
    }
}
