package io.litj.protocol.chain;

import static io.litj.protocol.chain.AbiCodecTest.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two call examples of the Solidity documentation ("Contract ABI Specification", section "Examples", the
 * functions {@code f(uint256,uint32[],bytes10,bytes)} and {@code g(uint256[][],string[])}), whose selectors and
 * encodings are given there word by word.
 */
class AbiFunctionTest {
    private static final AbiFunction F = new AbiFunction("f", List.of(AbiType.UINT256,
            AbiType.array(AbiType.uint(32)), new AbiType.FixedBytes(10), AbiType.BYTES), List.of());
    private static final List<AbiValue> F_ARGS = List.of(AbiValue.uint(0x123),
            AbiValue.array(List.of(AbiValue.uint(0x456), AbiValue.uint(0x789))),
            new AbiValue.FixedBytes(utf8("1234567890")), new AbiValue.DynamicBytes(utf8("Hello, world!")));
    private static final String F_CALL = "0x8be65246"
            + word("123") + word("80") + "3132333435363738393000000000000000000000000000000000000000000000"
            + word("e0") + word("2") + word("456") + word("789") + word("d")
            + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000";

    private static final AbiFunction G = new AbiFunction("g", List.of(
            AbiType.array(AbiType.array(AbiType.UINT256)), AbiType.array(AbiType.STRING)), List.of());
    private static final List<AbiValue> G_ARGS = List.of(
            AbiValue.array(List.of(AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2))),
                    AbiValue.array(List.of(AbiValue.uint(3))))),
            AbiValue.array(List.of(new AbiValue.Str("one"), new AbiValue.Str("two"), new AbiValue.Str("three"))));
    private static final String G_CALL = "0x2289b18c"
            + word("40") + word("140") + word("2") + word("40") + word("a0") + word("2") + word("1") + word("2")
            + word("1") + word("3") + word("3") + word("60") + word("a0") + word("e0")
            + word("3") + "6f6e650000000000000000000000000000000000000000000000000000000000"
            + word("3") + "74776f0000000000000000000000000000000000000000000000000000000000"
            + word("5") + "7468726565000000000000000000000000000000000000000000000000000000";

    private static Bytes utf8(String text) {
        return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void signatureAndSelector_solidityDocsExamples_matchTheDocs() {
        assertEquals("f(uint256,uint32[],bytes10,bytes)", F.signature());
        assertEquals("0x8be65246", F.selector().hex0x());
        assertEquals("g(uint256[][],string[])", G.signature());
        assertEquals("0x2289b18c", G.selector().hex0x());
    }

    @Test
    void encodeCall_solidityDocsExamples_equalTheDocsWordByWord() {
        assertEquals(F_CALL, F.encodeCall(F_ARGS).hex0x());
        assertEquals(G_CALL, G.encodeCall(G_ARGS).hex0x());
    }

    @Test
    void decodeCall_solidityDocsExamples_giveBackTheArguments() {
        assertEquals(F_ARGS, F.decodeCall(Bytes.fromHex(F_CALL, "f")));
        assertEquals(G_ARGS, G.decodeCall(Bytes.fromHex(G_CALL, "g")));
    }

    @Test
    void decodeCall_otherSelectorOrShortData_refusedWithParserError() {
        LitProtocolException other = assertThrows(LitProtocolException.class,
                () -> F.decodeCall(Bytes.fromHex(G_CALL, "g")));
        assertEquals(LitErrorCode.NodeParserError, other.code());
        assertEquals("call data does not start with the selector 0x8be65246 of f(uint256,uint32[],bytes10,bytes)",
                other.getMessage());
        assertEquals(LitErrorCode.NodeParserError, assertThrows(LitProtocolException.class,
                () -> F.decodeCall(Bytes.fromHex("8be652", "short"))).code());
        assertEquals(LitErrorCode.NodeParserError, assertThrows(LitProtocolException.class,
                () -> F.decodeCall(Bytes.fromHex(F_CALL.substring(0, F_CALL.length() - 64), "cut"))).code());
    }

    @Test
    void isCalledBy_selectorPrefixInEitherCase_onlyForThisFunction() {
        assertTrue(F.isCalledBy(F_CALL));
        assertTrue(F.isCalledBy("0x8BE65246"));
        assertFalse(F.isCalledBy(G_CALL));
        assertFalse(F.isCalledBy("0x8be652"));
        assertFalse(F.isCalledBy("8be65246"));
    }

    @Test
    void encodeAndDecodeResult_useTheOutputTypes() {
        AbiFunction balance = new AbiFunction("balanceOf", List.of(AbiType.ADDRESS), List.of(AbiType.UINT256,
                AbiType.STRING));
        List<AbiValue> result = List.of(AbiValue.uint(5), new AbiValue.Str("five"));
        Bytes encoded = balance.encodeResult(result);
        assertEquals(word("5") + word("40") + word("4") + "66697665" + "0".repeat(56), encoded.hex());
        assertEquals(result, balance.decodeResult(encoded));
        assertEquals("0x70a08231", balance.selector().hex0x()); // ERC-20 balanceOf(address)
    }

    @Test
    void name_notAnIdentifier_refusedWithInvalidArgument() {
        for (String name : List.of("", "1f", "f(x)", "a b", "ƒ")) {
            LitProtocolException e = assertThrows(LitProtocolException.class,
                    () -> new AbiFunction(name, List.of(), List.of()), name);
            assertEquals(LitErrorCode.InvalidArgument, e.code(), name);
        }
    }
}
