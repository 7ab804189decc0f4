package io.litj.protocol.chain;

import static io.litj.protocol.chain.AbiCodecTest.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed, truncated and hostile ABI data: every refusal is a {@code NodeParserError} naming the position. */
class AbiReaderTest {
    private static final String ZERO = word("0");

    private static List<AbiValue> decode(List<AbiType> types, String hex) {
        return AbiCodec.decode(types, Bytes.fromHex(hex, "test"));
    }

    private static LitProtocolException refused(List<AbiType> types, String hex) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> decode(types, hex));
        assertEquals(LitErrorCode.NodeParserError, e.code(), e.getMessage());
        return e;
    }

    @Test
    void decode_dataShorterThanTheHead_refused() {
        assertEquals("ABI data #0 needs a word at 0 but the data is 0 bytes",
                refused(List.of(AbiType.UINT256), "").getMessage());
        assertEquals("ABI data #1 needs a word at 32 but the data is 63 bytes",
                refused(List.of(AbiType.UINT256, AbiType.BOOL), ZERO + "00".repeat(31)).getMessage());
    }

    @Test
    void decode_offsetPastTheData_refused_evenAHugeOne() {
        assertEquals("ABI data #0 has offset 64 but at most 32 fits the data",
                refused(List.of(AbiType.STRING), word("40")).getMessage());
        refused(List.of(AbiType.STRING), "f".repeat(64));
        // an offset that fits the data but leaves no room for the length word
        refused(List.of(AbiType.BYTES), word("20"));
    }

    @Test
    void decode_lengthOrCountPastTheData_refusedBeforeAllocating() {
        assertEquals("ABI data #0 has length 33 but at most 32 fits the data",
                refused(List.of(AbiType.BYTES), word("20") + word("21") + ZERO).getMessage());
        assertEquals("ABI data #0 has element count 1157920892373161954235709850086879078532699846656405640394575840…"
                + " but at most 0 fits the data", refused(List.of(AbiType.array(AbiType.UINT256)),
                word("20") + "f".repeat(64)).getMessage());
        // three static 7-word structs announced, room for one
        refused(List.of(AbiType.array(StakingContract.VALIDATOR)), word("20") + word("3") + ZERO.repeat(7));
    }

    @Test
    void decode_bytesWithoutItsPadding_refused() {
        assertEquals("ABI data #0 needs 32 bytes (padded) at 64 but the data ends at 65",
                refused(List.of(AbiType.BYTES), word("20") + word("1") + "61").getMessage());
    }

    @Test
    void decode_nonZeroPadding_refusedForEveryKind() {
        assertEquals("ABI data #0 does not fit uint32",
                refused(List.of(AbiType.uint(32)), word("100000000")).getMessage());
        assertEquals("ABI data #0 is an address with non-zero padding",
                refused(List.of(AbiType.ADDRESS), "01" + "0".repeat(62)).getMessage());
        assertEquals("ABI data #0 is a bool other than 0 or 1", refused(List.of(AbiType.BOOL), word("2")).getMessage());
        refused(List.of(AbiType.BOOL), "01" + "0".repeat(61) + "1");
        assertEquals("ABI data #0 is a bytes4 with non-zero padding",
                refused(List.of(new AbiType.FixedBytes(4)), "deadbeef01" + "0".repeat(54)).getMessage());
        assertEquals("ABI data #0 has non-zero padding after its 1 bytes",
                refused(List.of(AbiType.BYTES), word("20") + word("1") + "6101" + "0".repeat(60)).getMessage());
    }

    @Test
    void decode_stringThatIsNotUtf8_refused() {
        assertEquals("ABI data #0.1 is a string that is not UTF-8", refused(
                List.of(AbiType.tuple(AbiType.BOOL, AbiType.STRING)),
                word("20") + word("1") + word("40") + word("2") + "c328" + "0".repeat(60)).getMessage());
    }

    @Test
    void decode_bytesAfterTheLastValue_ignoredAsSolidityAndEthersIgnoreThem() {
        assertEquals(List.of(AbiValue.uint(7)), decode(List.of(AbiType.UINT256), word("7") + "ff".repeat(40)));
    }

    @Test
    void decode_elementsSharingOneTail_refusedPastTheInflationLimit_twiceAccepted() {
        String blob = word("400") + "61".repeat(1024); // bytes of length 1024
        List<AbiType> types = List.of(AbiType.array(AbiType.BYTES));
        // two elements whose offsets both point at the same blob: read twice, within the limit
        List<AbiValue> twice = decode(types, word("20") + word("2") + word("40").repeat(2) + blob);
        assertEquals(2, twice.get(0).asList().size());
        // eight of them: the decoder would read about six times the input
        String eight = word("20") + word("8") + word("100").repeat(8) + blob;
        LitProtocolException e = refused(types, eight);
        assertTrue(e.getMessage().endsWith("makes the decoder read more than 4 times the 1376 bytes of data"
                + " (offsets into shared tails)"), e.getMessage());
    }

    @Test
    void decode_mutatedValidEncodings_returnOrRefuseWithParserError_neverAnotherException() {
        long seed = 7_2026_0707L;
        System.out.println("AbiReaderTest mutation seed " + seed);
        Random random = new Random(seed);
        List<AbiType> types = List.of(AbiType.uint(32), AbiType.STRING,
                AbiType.array(AbiType.tuple(AbiType.BYTES, AbiType.array(AbiType.ADDRESS))), AbiType.BOOL);
        AbiValue address = AbiValue.address(StakingContractTest.address(1));
        byte[] valid = AbiCodec.encode(types, List.of(AbiValue.uint(7), new AbiValue.Str("héllo"),
                AbiValue.array(List.of(
                        AbiValue.tuple(new AbiValue.DynamicBytes(Bytes.fromHex("00ff", "b")),
                                AbiValue.array(List.of(address, address))),
                        AbiValue.tuple(new AbiValue.DynamicBytes(Bytes.fromHex("", "b")), AbiValue.array(List.of())))),
                new AbiValue.Bool(true))).toByteArray();
        List<String> unexpected = new ArrayList<>();
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] data = mutate(valid, random);
            try {
                AbiCodec.decode(types, Bytes.of(data));
                decoded++;
            } catch (LitProtocolException e) {
                refused++;
                if (e.code() != LitErrorCode.NodeParserError) {
                    unexpected.add(Hex.encode(data) + ": " + e);
                }
            } catch (RuntimeException e) {
                unexpected.add(Hex.encode(data) + ": " + e);
            }
        }
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected outcomes, first: " + unexpected.stream()
                .findFirst().orElse(""));
        assertTrue(decoded > 100 && refused > 100, "decoded " + decoded + ", refused " + refused
                + ": the mutations should give plenty of both");
    }

    /** One to three of: a word set to a small or a huge number, a byte changed, the data cut, junk appended. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] data = valid.clone();
        for (int m = random.nextInt(3); m >= 0; m--) {
            int words = data.length / 32;
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (words > 0) {
                        int at = random.nextInt(words) * 32;
                        java.util.Arrays.fill(data, at, at + 32, (byte) 0);
                        if (random.nextBoolean()) {
                            data[at + 30] = (byte) random.nextInt(3);
                            data[at + 31] = (byte) random.nextInt(256);
                        } else {
                            data[at + random.nextInt(28)] = (byte) (1 + random.nextInt(255));
                        }
                    }
                }
                case 1 -> {
                    if (data.length > 0) {
                        data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
                default -> {
                    byte[] longer = java.util.Arrays.copyOf(data, data.length + random.nextInt(96));
                    for (int b = data.length; b < longer.length; b++) {
                        longer[b] = (byte) random.nextInt(256);
                    }
                    data = longer;
                }
            }
        }
        return data;
    }
}
