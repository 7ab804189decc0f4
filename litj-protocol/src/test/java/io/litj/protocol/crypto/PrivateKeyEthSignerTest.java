package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import org.junit.jupiter.api.Test;

/**
 * Expected signatures: the web3.js documentation vector for "Some data", and values produced once with ethers 5
 * {@code Wallet.signMessage} (RFC 6979, low s) for Hardhat #0.
 */
class PrivateKeyEthSignerTest {
    static final String HARDHAT0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String SOME_DATA_KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    @Test
    void address_hardhat0Key_isHardhat0Address() {
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                PrivateKeyEthSigner.fromHex(HARDHAT0_KEY).address().toChecksumString());
    }

    @Test
    void signPersonalMessage_someData_matchesWeb3Vector() {
        assertEquals(EthSignatureTest.SOME_DATA_SIG,
                PrivateKeyEthSigner.fromHex(SOME_DATA_KEY).signPersonalMessage("Some data").toHex());
    }

    @Test
    void signPersonalMessage_emptyMessage_matchesEthers() {
        assertEquals("0xc1977b761f1dd36c29795783460d241885c8e7f9d962dbe7bba2753fd94e89b4"
                        + "44a1cd9ed855dd09afa3b73f7c2bd097ec9abc2d2775d737505a02d3f0cafa591b",
                PrivateKeyEthSigner.fromHex(HARDHAT0_KEY).signPersonalMessage("").toHex());
    }

    @Test
    void signPersonalMessage_nonAscii_matchesEthers() {
        assertEquals("0xeccdedf93ea204188b94d5407f34d8403b733f50cc80faf4a9b8d8329b7c74e2"
                        + "070f4a6ad3b443f96581ce1809f8e459f9f6c3c0667f6c117d694ab527dcfb7b1b",
                PrivateKeyEthSigner.fromHex(HARDHAT0_KEY).signPersonalMessage("héllo ✓ 😀").toHex());
    }

    @Test
    void signPersonalMessage_anyMessage_recoversToSignerAddress() {
        PrivateKeyEthSigner signer = PrivateKeyEthSigner.fromHex(HARDHAT0_KEY.substring(2));
        String message = "line one\nline two";
        assertEquals(signer.address(), Eip191.recover(message, signer.signPersonalMessage(message)));
    }

    @Test
    void fromBytes_wrongLength_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> PrivateKeyEthSigner.fromBytes(new byte[31])).code());
    }

    @Test
    void fromBytes_zeroKey_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> PrivateKeyEthSigner.fromBytes(new byte[32])).code());
    }

    @Test
    void fromHex_keyEqualToCurveOrder_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> PrivateKeyEthSigner.fromHex(
                        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")).code());
    }

    @Test
    void fromHex_nonHex_throwsWithoutEchoingKey() {
        String bad = "zz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> PrivateKeyEthSigner.fromHex(bad));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertFalse(e.getMessage().contains("0974bec39a17"), e.getMessage());
    }

    @Test
    void toString_signer_showsAddressButNoKey() {
        String text = PrivateKeyEthSigner.fromHex(HARDHAT0_KEY).toString();
        assertTrue(text.contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), text);
        assertFalse(text.contains("ac0974bec39a17e3"), text);
    }

    @Test
    void sameSecretAs_sameAndDifferentKeys_answersCorrectly() {
        PrivateKeyEthSigner a = PrivateKeyEthSigner.fromHex(HARDHAT0_KEY);
        assertTrue(a.sameSecretAs(PrivateKeyEthSigner.fromHex(HARDHAT0_KEY.substring(2))));
        assertFalse(a.sameSecretAs(PrivateKeyEthSigner.fromHex(SOME_DATA_KEY)));
    }
}
