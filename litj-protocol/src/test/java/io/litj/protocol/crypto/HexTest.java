package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import org.junit.jupiter.api.Test;

class HexTest {
    private static final byte[] BYTES = {0x00, (byte) 0xab, (byte) 0xff, 0x10, 0x7f};

    @Test
    void encode_bytes_lowercaseWithoutPrefix() {
        assertEquals("00abff107f", Hex.encode(BYTES));
        assertEquals("", Hex.encode(new byte[0]));
    }

    @Test
    void decode_lowercase_givesBytes() {
        assertArrayEquals(BYTES, Hex.decode("00abff107f", "f"));
    }

    @Test
    void decode_uppercaseAndMixedCase_accepted() {
        assertArrayEquals(BYTES, Hex.decode("00ABFF107F", "f"));
        assertArrayEquals(BYTES, Hex.decode("00aBfF107f", "f"));
    }

    @Test
    void decode_empty_givesNoBytes() {
        assertArrayEquals(new byte[0], Hex.decode("", "f"));
    }

    @Test
    void decode_oddLength_throwsNodeParserErrorNamingField() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Hex.decode("abc", "session key"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("session key has an odd number of hex digits (3)", e.getMessage());
    }

    @Test
    void decode_nonHexCharacter_throwsNodeParserErrorNamingFieldAndPosition() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Hex.decode("00zz", "sig"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("sig has a non-hex character at position 2", e.getMessage());
    }

    @Test
    void decode_nonAsciiDigit_refused() {
        // U+0663 ARABIC-INDIC DIGIT THREE and U+FF21 FULLWIDTH A are digits to Character.digit, not hex
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(LitProtocolException.class, () -> Hex.decode("0\u0663", "f")).code());
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(LitProtocolException.class, () -> Hex.decode("\uff21\uff21", "f")).code());
    }

    @Test
    void decode_with0xPrefix_refusedBecausePrefixIsNotHex() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Hex.decode("0x12", "addr"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertTrue(e.getMessage().startsWith("addr "), e.getMessage());
    }

    @Test
    void decode_null_throwsMissing() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Hex.decode(null, "sig"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("sig is missing", e.getMessage());
    }

    @Test
    void decode0x_prefixOptional_bothFormsGiveSameBytes() {
        assertArrayEquals(BYTES, Hex.decode0x("0x00abff107f", "f"));
        assertArrayEquals(BYTES, Hex.decode0x("0X00abff107f", "f"));
        assertArrayEquals(BYTES, Hex.decode0x("00abff107f", "f"));
    }

    @Test
    void decode0x_prefixOnly_givesNoBytes() {
        assertArrayEquals(new byte[0], Hex.decode0x("0x", "f"));
    }

    @Test
    void decode0x_doublePrefix_refused() {
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(LitProtocolException.class, () -> Hex.decode0x("0x0x12", "f")).code());
    }

    @Test
    void decodeExact_wrongLength_throwsNamingFieldAndLengths() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> Hex.decodeExact("0x1234", 32, "publicKey"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("publicKey must be 32 bytes but is 2", e.getMessage());
    }

    @Test
    void decodeExact_rightLength_givesBytes() {
        assertArrayEquals(new byte[] {0x12, 0x34}, Hex.decodeExact("1234", 2, "f"));
    }

    @Test
    void isHex_variousStrings_answersCorrectly() {
        assertTrue(Hex.isHex("0123456789abcdefABCDEF"));
        assertTrue(Hex.isHex("1"));
        assertFalse(Hex.isHex(""));
        assertFalse(Hex.isHex("0x12"));
        assertFalse(Hex.isHex("g"));
        assertFalse(Hex.isHex("\u0663"));
        assertFalse(Hex.isHex("*"));
    }
}
