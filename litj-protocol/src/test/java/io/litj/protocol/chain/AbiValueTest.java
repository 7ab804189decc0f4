package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbiValueTest {
    private static final EthAddress ADDRESS = EthAddress.parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "a");

    @Test
    void uint_negativeOrWiderThan256Bits_refusedWithInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitProtocolException.class, () -> AbiValue.uint(-1)).code());
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> AbiValue.uint(BigInteger.ONE.shiftLeft(256)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("an ABI uint must lie in 0..2^256-1 but is 11579208923731619542357098500868790785326998466564"
                + "05640394575840…", e.getMessage());
        assertEquals(256, AbiValue.uint(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)).value().bitLength());
    }

    @Test
    void accessors_ofTheirKind_returnTheContent() {
        assertEquals(BigInteger.TEN, AbiValue.uint(10).asUint());
        assertEquals(ADDRESS, AbiValue.address(ADDRESS).asAddress());
        assertTrue(new AbiValue.Bool(true).asBool());
        assertFalse(new AbiValue.Bool(false).asBool());
        Bytes bytes = Bytes.fromHex("0102", "b");
        assertEquals(bytes, new AbiValue.FixedBytes(bytes).asBytes());
        assertEquals(bytes, new AbiValue.DynamicBytes(bytes).asBytes());
        assertEquals("é", new AbiValue.Str("é").asString());
        assertEquals(List.of(AbiValue.uint(1)), AbiValue.array(List.of(AbiValue.uint(1))).asList());
        assertEquals(List.of(AbiValue.uint(1), new AbiValue.Bool(true)),
                AbiValue.tuple(AbiValue.uint(1), new AbiValue.Bool(true)).asList());
    }

    @Test
    void accessors_ofAnotherKind_refusedWithInvalidArgumentNamingBoth() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> new AbiValue.Bool(true).asUint());
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("expected an ABI value of kind uint but got kind bool", e.getMessage());
        assertThrows(LitProtocolException.class, () -> AbiValue.uint(1).asAddress());
        assertThrows(LitProtocolException.class, () -> AbiValue.uint(1).asBool());
        assertThrows(LitProtocolException.class, () -> new AbiValue.Str("x").asBytes());
        assertThrows(LitProtocolException.class, () -> AbiValue.uint(1).asString());
        assertEquals("expected an ABI value of kind array or tuple but got kind bytes2",
                assertThrows(LitProtocolException.class,
                        () -> new AbiValue.FixedBytes(Bytes.fromHex("0102", "b")).asList()).getMessage());
    }

    @Test
    void arrayAndTuple_copyTheirItems() {
        List<AbiValue> items = new ArrayList<>(List.of(AbiValue.uint(1)));
        AbiValue.Array array = new AbiValue.Array(items);
        AbiValue.Tuple tuple = new AbiValue.Tuple(items);
        items.add(AbiValue.uint(2));
        assertEquals(1, array.items().size());
        assertEquals(1, tuple.items().size());
        assertThrows(UnsupportedOperationException.class, () -> array.items().add(AbiValue.uint(3)));
    }
}
