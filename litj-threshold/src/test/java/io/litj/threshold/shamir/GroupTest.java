package io.litj.threshold.shamir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both groups: encodings and the arithmetic the library does for us. */
class GroupTest {
    @Test
    void generators_haveTheStandardEncodings() {
        assertEquals("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
                Group.BLS12_381_G1.generator().toBytes().hex());
        assertEquals("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
                Group.SECP256K1.generator().toBytes().hex());
    }

    @ParameterizedTest
    @EnumSource(Group.class)
    void arithmetic_isConsistent(Group g) {
        GroupElement gen = g.generator();
        GroupElement two = gen.add(gen);
        assertEquals(two, gen.multiply(BigInteger.TWO));
        assertEquals(gen.multiply(BigInteger.valueOf(5)), two.add(gen.multiply(BigInteger.valueOf(3))));
        assertTrue(gen.multiply(g.order()).isIdentity());
        assertEquals(gen.multiply(g.order().subtract(BigInteger.ONE)), gen.multiply(BigInteger.ONE.negate()));
        assertEquals(gen, gen.add(g.identity()));
        assertFalse(gen.isIdentity());
    }

    @ParameterizedTest
    @EnumSource(Group.class)
    void encoding_roundTrips_includingIdentity(Group g) {
        GroupElement e = g.generator().multiply(BigInteger.valueOf(123456789));
        assertEquals(g.encodedLength(), e.toBytes().size());
        assertEquals(e, g.decode(e.toBytes()));
        assertEquals(g.identity(), g.decode(g.identity().toBytes()));
    }

    @Test
    void decodeG1_notInSubgroup_throwsNodeParserError() {
        byte[] x4 = new byte[48];
        x4[0] = (byte) 0x80;
        x4[47] = 4;
        ThresholdException e = assertThrows(ThresholdException.class, () -> Group.BLS12_381_G1.decode(Bytes.of(x4)));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("BLS12_381_G1 element is on the curve but not in the prime-order subgroup of G1", e.getMessage());
    }

    @Test
    void decodeSecp256k1_badEncodings_throwNodeParserError() {
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 2;
        notOnCurve[32] = 5; // x = 5: x^3 + 7 = 132 is not a square mod p
        byte[] uncompressed = Group.SECP256K1.generator().toBytes().toByteArray();
        uncompressed[0] = 4;
        byte[] xTooBig = new byte[33];
        java.util.Arrays.fill(xTooBig, (byte) 0xff);
        xTooBig[0] = 2;
        for (byte[] bad : new byte[][] {notOnCurve, uncompressed, xTooBig, new byte[32], {1}}) {
            assertEquals(LitErrorCode.NodeParserError,
                    assertThrows(ThresholdException.class, () -> Group.SECP256K1.decode(Bytes.of(bad))).code());
        }
    }

    @Test
    void mixingGroups_throwsInvalidArgument() {
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> Group.SECP256K1.generator().add(Group.BLS12_381_G1.generator()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }
}
