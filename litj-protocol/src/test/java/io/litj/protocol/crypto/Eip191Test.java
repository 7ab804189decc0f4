package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hashes were computed once with ethers 5 {@code utils.hashMessage}; the V4 vector (hash and signer) is
 * {@code lit-node-behaviour.md} §9.2 V4, taken from the JS SDK's {@code session-sigs-reader.test.ts}.
 */
class Eip191Test {
    /** lit-node-behaviour.md §9.2 V4 signedMessage. */
    static final String V4_MESSAGE = "localhost wants you to sign in with your Ethereum account:\n"
            + "0x5D467fe98ff120fe0C85F2217bC61732571b28EC\n\n"
            + "This is a test statement.  You can put anything you want here. I further authorize the stated URI to "
            + "perform the following actions on my behalf: (1) 'Auth': 'Auth' for 'lit-ratelimitincrease://25364'.\n\n"
            + "URI: lit:capability:delegation\nVersion: 1\nChain ID: 1\n"
            + "Nonce: 0xfba8cfeb4e933e68851e7b993e17cc7be919373ff0afce1d44db8ae4fe03436a\n"
            + "Issued At: 2024-10-16T13:48:13.383Z\nExpiration Time: 2024-10-23T13:48:13.380Z\nResources:\n"
            + "- urn:recap:eyJhdHQiOnsibGl0LXJhdGVsaW1pdGluY3JlYXNlOi8vMjUzNjQiOnsiQXV0aC9BdXRoIjpbeyJuZnRfaWQiOlsiMjUz"
            + "NjQiXX1dfX0sInByZiI6W119";
    static final String V4_SIG = "0x886ccec901d14a8eea6ba293e97588c070682e6cd987ee43678c3df466851f14"
            + "795c027b3006887c6071f7e89122ca062a900803044d6e6b59aa16323ffb775f1b";

    @Test
    void hash_v4Message_matchesSpecKeccak() {
        assertEquals("1a38d5a8865f7922eef255e26e52ddcf00c1f7bab2a79fa349ed49de6ad28897",
                Hex.encode(Eip191.hash(V4_MESSAGE)));
    }

    @Test
    void recover_v4Vector_givesCapacityDelegator() {
        EthAddress signer = Eip191.recover(V4_MESSAGE, EthSignature.parse(V4_SIG, "sig"));
        assertEquals("0x5D467fe98ff120fe0C85F2217bC61732571b28EC", signer.toChecksumString());
    }

    @Test
    void hash_someData_matchesEthersHashMessage() {
        // ethers 5: utils.hashMessage("Some data")
        assertEquals("1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655",
                Hex.encode(Eip191.hash("Some data")));
    }

    @Test
    void hash_nonAsciiMessage_prefixesUtf8ByteLength() {
        // ethers 5: utils.hashMessage("héllo ✓ 😀") — the length in the prefix is 15 UTF-8 bytes, not 10 chars
        String message = "héllo ✓ 😀";
        assertEquals("4056dd95c5513cef43a8aebeab478b970abf428227cbe444ddfcfb907787da51",
                Hex.encode(Eip191.hash(message)));
        assertEquals("4056dd95c5513cef43a8aebeab478b970abf428227cbe444ddfcfb907787da51",
                Hex.encode(Eip191.hash(message.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void recover_someDataVector_givesKeyAddress() {
        // address of key 0x4c0883a6…2318 (ethers 5 new Wallet(key).address)
        EthAddress signer = Eip191.recover("Some data", EthSignature.parse(EthSignatureTest.SOME_DATA_SIG, "sig"));
        assertEquals("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", signer.toChecksumString());
    }

    @Test
    void recover_tamperedMessage_givesAnotherAddress() {
        EthAddress signer = Eip191.recover(V4_MESSAGE + " ", EthSignature.parse(V4_SIG, "sig"));
        assertNotEquals(EthAddress.parse("0x5D467fe98ff120fe0C85F2217bC61732571b28EC", "a"), signer);
    }

    @Test
    void recoverFromHash_rNotAnXCoordinate_throwsNodeSIWESigConversionError() {
        // x = 5 is not the x-coordinate of a secp256k1 point (5^3 + 7 = 132 is a non-residue mod p)
        EthSignature sig = EthSignature.of(BigInteger.valueOf(5), BigInteger.ONE, 0);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> Eip191.recoverFromHash(new byte[32], sig));
        assertEquals(LitErrorCode.NodeSIWESigConversionError, e.code());
    }
}
