package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 4648 §10 test vectors (without padding, as §5 base64url is written by the ReCap libraries). */
class Base64UrlTest {

    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "f, Zg",
        "fo, Zm8",
        "foo, Zm9v",
        "foob, Zm9vYg",
        "fooba, Zm9vYmE",
        "foobar, Zm9vYmFy",
    })
    void encode_rfc4648Vectors_unpadded(String plain, String encoded) {
        assertEquals(encoded, Base64Url.encode(plain.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(plain.getBytes(StandardCharsets.US_ASCII), Base64Url.decode(encoded, "f"));
    }

    @Test
    void decode_paddedInput_accepted() {
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Base64Url.decode("Zg==", "f"));
        assertArrayEquals("fooba".getBytes(StandardCharsets.US_ASCII), Base64Url.decode("Zm9vYmE=", "f"));
    }

    @Test
    void encode_bytesNeedingUrlAlphabet_usesDashAndUnderscore() {
        // 0xfb 0xff is "+/8=" in standard base64 (RFC 4648 §4 table) and "-_8" in base64url
        assertEquals("-_8", Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff}));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, Base64Url.decode("-_8", "f"));
    }

    @Test
    void decode_standardAlphabet_throwsNodeParserErrorNamingField() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Base64Url.decode("+/8=", "ReCap"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertTrue(e.getMessage().startsWith("ReCap is not base64url"), e.getMessage());
    }

    @Test
    void decode_garbage_throwsNodeParserError() {
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(LitProtocolException.class, () -> Base64Url.decode("!!!!", "f")).code());
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(LitProtocolException.class, () -> Base64Url.decode("Z", "f")).code());
    }

    @Test
    void decode_nonZeroTrailingBits_throwsNodeParserError() {
        // "Zg" is 0x66; "Zh" carries the same byte with a non-zero unused bit (RFC 4648 §3.5 canonical encoding);
        // npm siwe-recap's decoder (multiformats) refuses it with "Unexpected end of data"
        assertArrayEquals(new byte[] {0x66}, Base64Url.decode("Zg", "f"));
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> Base64Url.decode("Zh", "ReCap"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertTrue(e.getMessage().startsWith("ReCap "), e.getMessage());
    }
}
