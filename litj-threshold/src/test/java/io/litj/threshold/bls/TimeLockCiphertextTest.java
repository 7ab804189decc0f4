package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import io.litj.threshold.ThresholdException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The wire form: exact layout, strict base64 and binary parsing, each refusal with its code and message. */
class TimeLockCiphertextTest {
    /** The JS SDK's ciphertext of "Hello world" ({@code lit-node-behaviour.md} §9.2 V1): 114 bytes. */
    private static final String SDK = Vectors.str((JsonValue.JsonObject) ((JsonValue.JsonArray) Vectors
            .json("js-sdk-b24d14f93/timelock.json").get("cases").orElseThrow()).items().get(0), "ciphertext");
    private static final byte[] RAW = Base64.getDecoder().decode(SDK);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Base64 of 115 bytes ("…x=="), with bits set that canonical base64 leaves zero in its last data character. */
    private static String nonZeroTrailingBits() {
        String padded = Base64.getEncoder().encodeToString(Arrays.copyOf(RAW, 115));
        int at = padded.length() - 3;
        char last = ALPHABET.charAt(ALPHABET.indexOf(padded.charAt(at)) | 0x0f);
        return padded.substring(0, at) + last + "==";
    }

    private static ThresholdException refusedBytes(byte[] raw) {
        return assertThrows(ThresholdException.class, () -> TimeLockCiphertext.fromBytes(Bytes.of(raw)));
    }

    private static ThresholdException refusedText(String text) {
        return assertThrows(ThresholdException.class, () -> TimeLockCiphertext.parse(text));
    }

    @Test
    void parse_sdkCiphertext_splitsIntoUVW() {
        TimeLockCiphertext c = TimeLockCiphertext.parse(SDK);
        assertEquals(114, RAW.length);
        assertEquals(Bytes.of(Arrays.copyOf(RAW, 48)), c.u().toBytes());
        assertEquals(Bytes.of(Arrays.copyOfRange(RAW, 48, 80)), c.v());
        assertEquals(0x20, RAW[80]);
        assertEquals(Bytes.of(Arrays.copyOfRange(RAW, 81, 113)), c.w());
        assertEquals(2, RAW[113]);
        assertEquals(Bytes.of(RAW), c.toBytes());
        assertEquals(SDK, c.toBase64());
        assertEquals(c, TimeLockCiphertext.fromBytes(c.toBytes()));
    }

    @Test
    void toString_showsUVAndTheSizeOfW() {
        TimeLockCiphertext c = TimeLockCiphertext.parse(SDK);
        assertEquals("TimeLockCiphertext[u=" + c.u().toHex() + " v=" + c.v().hex() + " w=32 bytes]", c.toString());
    }

    @Test
    void parse_otherSchemeByte_refusedWithNodeParserError() {
        for (int scheme : new int[] {0, 1, 3, 0x82}) {
            byte[] raw = RAW.clone();
            raw[113] = (byte) scheme;
            ThresholdException e = refusedBytes(raw);
            assertEquals(LitErrorCode.NodeParserError, e.code());
            assertEquals("time-lock ciphertext scheme byte must be 2 (ProofOfPossession) but is " + scheme,
                    e.getMessage());
        }
    }

    @Test
    void parse_lengthOfWDisagreeingWithTheTotal_refused() {
        byte[] raw = RAW.clone();
        raw[80] = 0x21;
        ThresholdException e = refusedBytes(raw);
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("time-lock ciphertext declares W of 33 bytes, so it must be 115 bytes but is 114", e.getMessage());
        assertEquals(LitErrorCode.NodeParserError, refusedBytes(Arrays.copyOf(RAW, 115)).code(), "a trailing byte");
        assertEquals(LitErrorCode.NodeParserError, refusedBytes(Arrays.copyOf(RAW, 113)).code(), "no scheme byte");
    }

    @Test
    void parse_nonMinimalOrHugeVarint_refusedBeforeAllocating() {
        byte[] nonMinimal = new byte[115];
        System.arraycopy(RAW, 0, nonMinimal, 0, 80);
        nonMinimal[80] = (byte) 0xa0;
        nonMinimal[81] = 0x00;
        System.arraycopy(RAW, 81, nonMinimal, 82, 33);
        ThresholdException e = refusedBytes(nonMinimal);
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("time-lock ciphertext length of W at byte 80 is not a minimal varint of at most "
                + TimeLockCiphertext.MAX_W_BYTES, e.getMessage());
        byte[] huge = RAW.clone();
        huge[80] = (byte) 0xff;
        huge[81] = (byte) 0xff;
        huge[82] = (byte) 0xff;
        huge[83] = (byte) 0x7f;
        assertEquals(e.getMessage(), refusedBytes(huge).getMessage());
    }

    @Test
    void parse_wShorterThan32_refused() {
        byte[] raw = new byte[48 + 32 + 1 + 31 + 1];
        System.arraycopy(RAW, 0, raw, 0, 80);
        raw[80] = 31;
        raw[raw.length - 1] = 2;
        ThresholdException e = refusedBytes(raw);
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("time-lock ciphertext must be 114.." + TimeLockCiphertext.MAX_BYTES + " bytes but is 113",
                e.getMessage());
    }

    @Test
    void parse_uNotAPoint_orTheIdentity_refused() {
        byte[] uncompressed = RAW.clone();
        uncompressed[0] &= 0x7f;
        ThresholdException e = refusedBytes(uncompressed);
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("time-lock U must be a compressed point (first bit set)", e.getMessage());
        byte[] identity = RAW.clone();
        Arrays.fill(identity, 0, 48, (byte) 0);
        identity[0] = (byte) 0xc0;
        assertEquals("time-lock U is the identity point of G1", refusedBytes(identity).getMessage());
    }

    @Test
    void parse_notCanonicalBase64_refused() {
        for (String bad : new String[] {SDK.replace("+", "-"), SDK + "\n", " " + SDK,
                SDK.substring(0, SDK.length() - 1), nonZeroTrailingBits(), "", "not base64!"}) {
            ThresholdException e = refusedText(bad);
            assertEquals(LitErrorCode.NodeParserError, e.code(), bad);
            assertTrue(e.getMessage().startsWith("time-lock ciphertext "), e.getMessage());
        }
        assertEquals("time-lock ciphertext base64 is not in canonical padded form",
                refusedText(nonZeroTrailingBits()).getMessage());
    }

    @Test
    void parse_textOverTheLimit_refusedBeforeDecoding() {
        String tooLong = "A".repeat(TimeLockCiphertext.MAX_BASE64_CHARS + 4);
        ThresholdException e = refusedText(tooLong);
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("time-lock ciphertext base64 must be at most " + TimeLockCiphertext.MAX_BASE64_CHARS
                + " characters but is " + tooLong.length(), e.getMessage());
    }

    @Test
    void constructor_badSizes_refusedWithInvalidArgument() {
        TimeLockCiphertext c = TimeLockCiphertext.parse(SDK);
        ThresholdException v = assertThrows(ThresholdException.class,
                () -> new TimeLockCiphertext(c.u(), Bytes.of(new byte[31]), c.w()));
        assertEquals(LitErrorCode.InvalidArgument, v.code());
        assertEquals("time-lock ciphertext V must be 32 bytes but is 31", v.getMessage());
        ThresholdException w = assertThrows(ThresholdException.class,
                () -> new TimeLockCiphertext(c.u(), c.v(), Bytes.of(new byte[31])));
        assertEquals(LitErrorCode.InvalidArgument, w.code());
        assertEquals("time-lock ciphertext W must be 32.." + TimeLockCiphertext.MAX_W_BYTES + " bytes but is 31",
                w.getMessage());
    }

    @Test
    void limits_followFromTheSixtyFourMebibytePlaintext() {
        assertEquals(4 + (64 << 20), TimeLockCiphertext.MAX_W_BYTES);
        assertEquals(48 + 32 + 4 + TimeLockCiphertext.MAX_W_BYTES + 1, TimeLockCiphertext.MAX_BYTES);
    }
}
