package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbiTypeTest {
    @Test
    void canonical_ofEveryKind_isTheSignatureSpelling() {
        assertEquals("uint8", AbiType.uint(8).canonical());
        assertEquals("uint256", AbiType.UINT256.canonical());
        assertEquals("address", AbiType.ADDRESS.canonical());
        assertEquals("bool", AbiType.BOOL.canonical());
        assertEquals("bytes32", AbiType.BYTES32.canonical());
        assertEquals("bytes1", new AbiType.FixedBytes(1).canonical());
        assertEquals("bytes", AbiType.BYTES.canonical());
        assertEquals("string", AbiType.STRING.canonical());
        assertEquals("uint32[][]", AbiType.array(AbiType.array(AbiType.uint(32))).canonical());
        assertEquals("(uint256,(address,string)[])",
                AbiType.tuple(AbiType.UINT256, AbiType.array(AbiType.tuple(AbiType.ADDRESS, AbiType.STRING)))
                        .canonical());
    }

    @Test
    void headSize_staticTupleInline_dynamicTypesOneOffsetWord() {
        AbiType.Tuple statics = AbiType.tuple(AbiType.UINT256, AbiType.tuple(AbiType.BOOL, AbiType.ADDRESS));
        assertFalse(statics.isDynamic());
        assertEquals(96, statics.headSize());
        AbiType.Tuple dynamic = AbiType.tuple(AbiType.UINT256, AbiType.STRING);
        assertTrue(dynamic.isDynamic());
        assertEquals(32, dynamic.headSize());
        for (AbiType t : List.of(AbiType.BYTES, AbiType.STRING, AbiType.array(AbiType.BOOL))) {
            assertTrue(t.isDynamic(), t.canonical());
            assertEquals(32, t.headSize(), t.canonical());
        }
        for (AbiType t : List.of(AbiType.uint(64), AbiType.ADDRESS, AbiType.BOOL, AbiType.BYTES32)) {
            assertFalse(t.isDynamic(), t.canonical());
            assertEquals(32, t.headSize(), t.canonical());
        }
    }

    @Test
    void uint_sizeNotAMultipleOf8In8To256_refusedWithInvalidArgument() {
        for (int bits : new int[] {0, 7, 12, 264, -8}) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> AbiType.uint(bits));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
        }
        assertEquals("uint size must be a multiple of 8 in 8..256 but is 7",
                assertThrows(LitProtocolException.class, () -> AbiType.uint(7)).getMessage());
    }

    @Test
    void fixedBytes_sizeOutside1To32_refusedWithInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitProtocolException.class, () -> new AbiType.FixedBytes(0)).code());
        assertEquals("bytesN size must lie in 1..32 but is 33",
                assertThrows(LitProtocolException.class, () -> new AbiType.FixedBytes(33)).getMessage());
    }

    @Test
    void tuple_withoutComponents_refusedWithInvalidArgument() {
        LitProtocolException e = assertThrows(LitProtocolException.class, AbiType::tuple);
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("a tuple needs at least one component", e.getMessage());
    }
}
