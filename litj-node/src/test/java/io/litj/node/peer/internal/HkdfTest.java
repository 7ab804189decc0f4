package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.crypto.Hex;
import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against RFC 5869 appendix A. */
class HkdfTest {
    @Test
    void sha256_rfc5869TestCase1_matches() {
        byte[] okm = Hkdf.sha256(Hex.decode("000102030405060708090a0b0c", "salt"),
                Hex.decode("0b".repeat(22), "ikm"), Hex.decode("f0f1f2f3f4f5f6f7f8f9", "info"), 42);

        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                Hex.encode(okm));
    }

    @Test
    void sha256_rfc5869TestCase3EmptySaltAndInfo_matches() {
        byte[] okm = Hkdf.sha256(new byte[0], Hex.decode("0b".repeat(22), "ikm"), new byte[0], 42);

        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                Hex.encode(okm));
    }
}
