package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void of_callerMutatesInput_valueUnchanged() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        assertEquals("010203", b.hex());
    }

    @Test
    void toByteArray_callerMutatesOutput_valueUnchanged() {
        Bytes b = Bytes.of(new byte[] {1, 2, 3});
        b.toByteArray()[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, b.toByteArray());
        assertEquals(1, b.get(0));
        assertEquals(3, b.size());
    }

    @Test
    void equals_sameContent_equalAndSameHash() {
        Bytes a = Bytes.fromHex("0xABcd", "f");
        Bytes b = Bytes.of(new byte[] {(byte) 0xab, (byte) 0xcd});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.contentEquals(b));
        assertNotEquals(a, Bytes.of(new byte[] {(byte) 0xab}));
        assertFalse(a.contentEquals(Bytes.of(new byte[] {(byte) 0xab, (byte) 0xce})));
    }

    @Test
    void hex_bytes_lowercaseWithAndWithoutPrefix() {
        Bytes b = Bytes.of(new byte[] {(byte) 0xab, 0x01});
        assertEquals("ab01", b.hex());
        assertEquals("0xab01", b.hex0x());
    }

    @Test
    void toString_short_showsSizeAndFullHex() {
        assertEquals("[size=2 hex=ab01]", Bytes.of(new byte[] {(byte) 0xab, 0x01}).toString());
    }

    @Test
    void toString_longerThan64Bytes_cutsHexAt64Bytes() {
        Bytes b = Bytes.of(new byte[65]);
        assertEquals("[size=65 hex=" + "00".repeat(64) + "…]", b.toString());
    }

    @Test
    void fromHex_oddLength_throwsNodeParserErrorNamingField() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Bytes.fromHex("abc", "dataSigned"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertTrue(e.getMessage().startsWith("dataSigned "), e.getMessage());
    }
}
