package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbiCodecTest {
    private static final EthAddress ADDRESS = EthAddress.parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "a");
    private static final BigInteger MAX_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static Bytes hex(String hex) {
        return Bytes.fromHex(hex, "test");
    }

    @Test
    void encode_staticScalars_oneWordEachAlignedByKind() {
        Bytes encoded = AbiCodec.encode(
                List.of(AbiType.uint(8), AbiType.ADDRESS, AbiType.BOOL, new AbiType.FixedBytes(4), AbiType.UINT256),
                List.of(AbiValue.uint(255), AbiValue.address(ADDRESS), new AbiValue.Bool(true),
                        new AbiValue.FixedBytes(hex("deadbeef")), AbiValue.uint(MAX_256)));
        assertEquals(word("ff")
                + word("70997970c51812dc3a010c7d01b50e0d17dc79c8") // addresses are right-aligned
                + word("1")
                + "deadbeef" + "0".repeat(56) // bytesN are left-aligned
                + "f".repeat(64), encoded.hex());
    }

    @Test
    void encode_arrayOfDynamicTuples_offsetsCountFromTheirEnclosingTuple() {
        // checked against ethers 5.8.0: defaultAbiCoder.encode(['tuple(uint256,string)[]'], [[[1,'a'],[2,'']]])
        Bytes encoded = AbiCodec.encode(List.of(AbiType.array(AbiType.tuple(AbiType.UINT256, AbiType.STRING))),
                List.of(AbiValue.array(List.of(AbiValue.tuple(AbiValue.uint(1), new AbiValue.Str("a")),
                        AbiValue.tuple(AbiValue.uint(2), new AbiValue.Str(""))))));
        assertEquals(word("20") // offset of the array
                + word("2") // its length
                + word("40") + word("c0") // offsets of the two tuples, from the start of the elements
                + word("1") + word("40") + word("1") + "61" + "0".repeat(62) // (1, "a")
                + word("2") + word("40") + word("0"), // (2, "")
                encoded.hex());
    }

    @Test
    void decode_ofEncode_givesBackTheValues() {
        AbiType nested = AbiType.tuple(AbiType.BYTES, AbiType.array(AbiType.tuple(AbiType.array(AbiType.STRING),
                AbiType.BOOL)));
        List<AbiType> types = List.of(AbiType.uint(32), AbiType.uint(128), AbiType.ADDRESS, AbiType.BOOL,
                AbiType.BYTES32, new AbiType.FixedBytes(1), AbiType.BYTES, AbiType.BYTES, AbiType.BYTES,
                AbiType.STRING, AbiType.STRING, AbiType.array(AbiType.UINT256), AbiType.array(AbiType.ADDRESS),
                AbiType.array(AbiType.array(AbiType.uint(8))), nested, AbiType.tuple(AbiType.BOOL, AbiType.uint(16)));
        List<AbiValue> values = List.of(AbiValue.uint(0xffffffffL), AbiValue.uint(MAX_256.shiftRight(128)),
                AbiValue.address(ADDRESS), new AbiValue.Bool(false), new AbiValue.FixedBytes(hex("ab".repeat(32))),
                new AbiValue.FixedBytes(hex("00")), new AbiValue.DynamicBytes(hex("")),
                new AbiValue.DynamicBytes(hex("01".repeat(32))), new AbiValue.DynamicBytes(hex("02".repeat(33))),
                new AbiValue.Str(""), new AbiValue.Str("Grüße, 世界 🌍"), AbiValue.array(List.of()),
                AbiValue.array(List.of(AbiValue.address(ADDRESS), AbiValue.address(ADDRESS))),
                AbiValue.array(List.of(AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2))),
                        AbiValue.array(List.of()))),
                AbiValue.tuple(new AbiValue.DynamicBytes(hex("c0ffee")), AbiValue.array(List.of(
                        AbiValue.tuple(AbiValue.array(List.of(new AbiValue.Str("one"), new AbiValue.Str("two"))),
                                new AbiValue.Bool(true)),
                        AbiValue.tuple(AbiValue.array(List.of()), new AbiValue.Bool(false))))),
                AbiValue.tuple(new AbiValue.Bool(true), AbiValue.uint(65535)));
        assertEquals(values, AbiCodec.decode(types, AbiCodec.encode(types, values)));
    }

    @Test
    void encode_valueThatDoesNotFitItsType_refusedWithInvalidArgumentNamingItsPosition() {
        LitProtocolException tooBig = assertThrows(LitProtocolException.class,
                () -> AbiCodec.encode(List.of(AbiType.uint(8)), List.of(AbiValue.uint(256))));
        assertEquals(LitErrorCode.InvalidArgument, tooBig.code());
        assertEquals("ABI value #0 does not fit uint8: 256", tooBig.getMessage());

        AbiType struct = AbiType.tuple(AbiType.UINT256, AbiType.BOOL, AbiType.ADDRESS);
        LitProtocolException kind = assertThrows(LitProtocolException.class, () -> AbiCodec.encode(
                List.of(AbiType.BOOL, struct), List.of(new AbiValue.Bool(true),
                        AbiValue.tuple(AbiValue.uint(1), new AbiValue.Bool(true), AbiValue.uint(3)))));
        assertEquals("ABI value #1.2 has kind uint but the type is address", kind.getMessage());

        LitProtocolException item = assertThrows(LitProtocolException.class, () -> AbiCodec.encode(
                List.of(AbiType.array(AbiType.uint(32))),
                List.of(AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(1L << 32))))));
        assertEquals("ABI value #0[1] does not fit uint32: 4294967296", item.getMessage());

        LitProtocolException size = assertThrows(LitProtocolException.class, () -> AbiCodec.encode(
                List.of(AbiType.BYTES32), List.of(new AbiValue.FixedBytes(hex("0102")))));
        assertEquals("ABI value #0 holds 2 bytes for bytes32", size.getMessage());

        LitProtocolException count = assertThrows(LitProtocolException.class,
                () -> AbiCodec.encode(List.of(AbiType.BOOL, AbiType.BOOL), List.of(new AbiValue.Bool(true))));
        assertEquals("ABI value list holds 1 values for 2 types", count.getMessage());

        LitProtocolException arity = assertThrows(LitProtocolException.class, () -> AbiCodec.encode(
                List.of(struct), List.of(AbiValue.tuple(AbiValue.uint(1)))));
        assertEquals("ABI value #0 holds 1 values for 3 types", arity.getMessage());
    }

    @Test
    void decode_inputLargerThanTheLimit_refusedWithParserErrorBeforeReading() {
        Bytes huge = Bytes.of(new byte[AbiCodec.MAX_DATA_BYTES + 1]);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> AbiCodec.decode(List.of(AbiType.BYTES), huge));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("ABI data is 4194305 bytes, at most 4194304 accepted", e.getMessage());
    }
}
