package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The valid signature is the web3.js documentation vector (EIP-191 over "Some data" with key
 * {@code 0x4c0883a6…2318}), also reproduced with ethers 5 {@code Wallet.signMessage}. The secp256k1 order
 * {@code n} is the SEC 2 constant.
 */
class EthSignatureTest {
    static final String SOME_DATA_SIG = "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd"
            + "6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c";
    private static final BigInteger N =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    @Test
    void parse_validSignature_splitsRsAndRecoveryId() {
        EthSignature sig = EthSignature.parse(SOME_DATA_SIG, "sig");
        assertEquals(new BigInteger("b91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd", 16), sig.r());
        assertEquals(new BigInteger("6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a029", 16), sig.s());
        assertEquals(1, sig.recoveryId()); // v = 0x1c = 28
        assertEquals(SOME_DATA_SIG, sig.toHex());
    }

    @Test
    void parse_withoutPrefixOrUppercase_givesSameSignature() {
        EthSignature expected = EthSignature.parse(SOME_DATA_SIG, "sig");
        assertEquals(expected, EthSignature.parse(SOME_DATA_SIG.substring(2), "sig"));
        assertEquals(expected, EthSignature.parse(SOME_DATA_SIG.toUpperCase().replace("0X", "0x"), "sig"));
    }

    @Test
    void parse_vZeroOrOne_acceptedAndWrittenAs27Or28() {
        String v1 = SOME_DATA_SIG.substring(0, 130) + "01";
        EthSignature sig = EthSignature.parse(v1, "sig");
        assertEquals(1, sig.recoveryId());
        assertEquals(SOME_DATA_SIG, sig.toHex());
        String v0 = SOME_DATA_SIG.substring(0, 130) + "00";
        assertEquals(SOME_DATA_SIG.substring(0, 130) + "1b", EthSignature.parse(v0, "sig").toHex());
    }

    @Test
    void parse_highS_throwsNodeSIWESigConversionError() {
        EthSignature low = EthSignature.parse(SOME_DATA_SIG, "sig");
        // the same signature with s' = n - s and the other recovery id is valid ECDSA but malleated (EIP-2)
        String high = "0x" + hex32(low.r()) + hex32(N.subtract(low.s())) + "1b";
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> EthSignature.parse(high, "sig"));
        assertEquals(LitErrorCode.NodeSIWESigConversionError, e.code());
        assertTrue(e.getMessage().contains("high s"), e.getMessage());
    }

    @Test
    void parse_sixtyFourBytes_throwsNodeSIWESigConversionError() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> EthSignature.parse(SOME_DATA_SIG.substring(0, 130), "capability sig"));
        assertEquals(LitErrorCode.NodeSIWESigConversionError, e.code());
        assertEquals("capability sig must be 65 bytes (r‖s‖v) but is 64", e.getMessage());
    }

    @Test
    void parse_sixtySixBytes_throwsNodeSIWESigConversionError() {
        assertEquals(LitErrorCode.NodeSIWESigConversionError, assertThrows(LitProtocolException.class,
                () -> EthSignature.parse(SOME_DATA_SIG + "00", "sig")).code());
    }

    @Test
    void parse_v29_throwsNodeSIWESigConversionError() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> EthSignature.parse(SOME_DATA_SIG.substring(0, 130) + "1d", "sig"));
        assertEquals(LitErrorCode.NodeSIWESigConversionError, e.code());
        assertTrue(e.getMessage().contains("v=29"), e.getMessage());
    }

    @Test
    void parse_rZero_throwsNodeSIWESigConversionError() {
        String zeroR = "0x" + "00".repeat(32) + SOME_DATA_SIG.substring(66);
        assertEquals(LitErrorCode.NodeSIWESigConversionError, assertThrows(LitProtocolException.class,
                () -> EthSignature.parse(zeroR, "sig")).code());
    }

    @Test
    void parse_sZero_throwsNodeSIWESigConversionError() {
        String zeroS = SOME_DATA_SIG.substring(0, 66) + "00".repeat(32) + "1c";
        assertEquals(LitErrorCode.NodeSIWESigConversionError, assertThrows(LitProtocolException.class,
                () -> EthSignature.parse(zeroS, "sig")).code());
    }

    @Test
    void parse_rEqualToN_throwsNodeSIWESigConversionError() {
        String rN = "0x" + hex32(N) + SOME_DATA_SIG.substring(66);
        assertEquals(LitErrorCode.NodeSIWESigConversionError, assertThrows(LitProtocolException.class,
                () -> EthSignature.parse(rN, "sig")).code());
    }

    @Test
    void parse_nonHex_throwsNodeSIWESigConversionErrorNamingField() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> EthSignature.parse("0x" + "zz".repeat(65), "wallet sig"));
        assertEquals(LitErrorCode.NodeSIWESigConversionError, e.code());
        assertTrue(e.getMessage().startsWith("wallet sig "), e.getMessage());
    }

    @Test
    void of_recoveryIdTwo_throwsNodeSIWESigConversionError() {
        assertEquals(LitErrorCode.NodeSIWESigConversionError, assertThrows(LitProtocolException.class,
                () -> EthSignature.of(BigInteger.ONE, BigInteger.ONE, 2)).code());
    }

    @Test
    void toBytes_smallR_isLeftPaddedTo32Bytes() {
        EthSignature sig = EthSignature.of(BigInteger.ONE, BigInteger.TWO, 0);
        assertEquals("0x" + "00".repeat(31) + "01" + "00".repeat(31) + "02" + "1b", sig.toHex());
    }

    private static String hex32(BigInteger v) {
        String h = v.toString(16);
        return "0".repeat(64 - h.length()) + h;
    }
}
