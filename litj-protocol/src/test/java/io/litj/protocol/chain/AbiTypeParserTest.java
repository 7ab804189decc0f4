package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbiTypeParserTest {
    @Test
    void parse_canonicalText_roundTrips() {
        for (String text : List.of("uint8", "uint128", "uint256", "address", "bool", "bytes1", "bytes32", "bytes",
                "string", "uint256[]", "string[][]", "(uint256)", "(uint256,address)[]",
                "((uint256,uint256,uint256,uint256,uint256),uint256,(uint32,uint128,uint32,address,uint256,"
                        + "uint256,uint256)[])", "(bytes,(string[],bool)[])[]")) {
            assertEquals(text, AbiTypeParser.parse(text).canonical(), text);
        }
    }

    @Test
    void parse_tupleKeywordAsEthersPrintsIt_isTheSameType() {
        assertEquals(AbiType.array(AbiType.tuple(AbiType.uint(32), AbiType.ADDRESS)),
                AbiType.parse("tuple(uint32,address)[]"));
        assertEquals(AbiType.tuple(AbiType.tuple(AbiType.BOOL)), AbiType.parse("tuple(tuple(bool))"));
    }

    @Test
    void parse_unsupportedType_refusedWithInvalidArgumentNamingIt() {
        for (String text : List.of("int256", "uint", "byte", "uint264", "uint7", "bytes33", "bytes0", "fixed128x18",
                "function", "uint08", "(uint256,int8)")) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> AbiType.parse(text), text);
            assertEquals(LitErrorCode.InvalidArgument, e.code(), text);
        }
        assertEquals("ABI type int256 is not supported (uint8..uint256, address, bool, bytes1..bytes32, bytes,"
                + " string, T[] and tuples are)", assertThrows(LitProtocolException.class,
                () -> AbiType.parse("int256")).getMessage());
        assertEquals("ABI type uint256[2] has a fixed-size array, which litj does not support",
                assertThrows(LitProtocolException.class, () -> AbiType.parse("uint256[2]")).getMessage());
    }

    @Test
    void parse_malformedText_refusedWithInvalidArgument() {
        for (String text : List.of("", "(", "(uint256", "(uint256,)", "uint256]", "()", "uint256 x", " uint256",
                "(uint256))", "tuple", "tuple()", "[]", "uint256,bool")) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> AbiType.parse(text),
                    "'" + text + "'");
            assertEquals(LitErrorCode.InvalidArgument, e.code(), text);
        }
        assertEquals("ABI type (uint256,) is malformed at ')' at 9",
                assertThrows(LitProtocolException.class, () -> AbiType.parse("(uint256,)")).getMessage());
        assertEquals("ABI type (uint256 is malformed at its end",
                assertThrows(LitProtocolException.class, () -> AbiType.parse("(uint256")).getMessage());
    }

    @Test
    void parse_nullText_refusedWithInvalidArgument() {
        assertEquals("ABI type is empty", assertThrows(LitProtocolException.class,
                () -> AbiType.parse(null)).getMessage());
    }

    @Test
    void parse_nestingDeeperThanTheLimit_refused_atTheLimitAccepted() {
        String deepest = "(".repeat(AbiTypeParser.MAX_DEPTH) + "bool" + ")".repeat(AbiTypeParser.MAX_DEPTH);
        assertEquals(deepest, AbiType.parse(deepest).canonical());
        String tooDeep = "(" + deepest + ")";
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitProtocolException.class, () -> AbiType.parse(tooDeep)).code());
        String arrays = "bool" + "[]".repeat(AbiTypeParser.MAX_DEPTH + 1);
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitProtocolException.class, () -> AbiType.parse(arrays)).code());
    }

    @Test
    void parse_textLongerThanTheLimit_refusedBeforeReading() {
        List<String> parts = new ArrayList<>();
        while (String.join(",", parts).length() <= AbiTypeParser.MAX_LENGTH) {
            parts.add("uint256");
        }
        String text = "(" + String.join(",", parts) + ")";
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> AbiType.parse(text));
        assertEquals("ABI type is " + text.length() + " characters long, at most 4096 accepted", e.getMessage());
    }
}
