package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** Same outside vectors as {@link PrivateKeyEthSignerTest}, reached through web3j {@link Credentials}. */
class CredentialsEthSignerTest {

    @Test
    void address_hardhat0Credentials_isHardhat0Address() {
        CredentialsEthSigner signer = new CredentialsEthSigner(Credentials.create(PrivateKeyEthSignerTest.HARDHAT0_KEY));
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", signer.address().toChecksumString());
    }

    @Test
    void signPersonalMessage_someData_matchesWeb3Vector() {
        CredentialsEthSigner signer = new CredentialsEthSigner(Credentials.create(PrivateKeyEthSignerTest.SOME_DATA_KEY));
        assertEquals(EthSignatureTest.SOME_DATA_SIG, signer.signPersonalMessage("Some data").toHex());
    }

    @Test
    void toString_signer_hasNoKeyMaterial() {
        String text = new CredentialsEthSigner(Credentials.create(PrivateKeyEthSignerTest.HARDHAT0_KEY)).toString();
        assertEquals("CredentialsEthSigner[0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266]", text);
        assertFalse(text.contains("ac0974bec39a17e3"));
    }
}
