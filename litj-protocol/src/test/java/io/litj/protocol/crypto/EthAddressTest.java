package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EIP-55 vectors from the EIP text; the Hardhat #0 key/address pair is the well-known Hardhat default account. */
class EthAddressTest {
    static final String HARDHAT0_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    /** Uncompressed public key of Hardhat #0 (ethers 5 {@code new Wallet(key).publicKey}). */
    static final String HARDHAT0_PUBLIC_KEY = "048318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75"
            + "3547f11ca8696646f2f3acb08e31016afac23e630c5d11f59f61fef57b0d2aa5";

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void toChecksumString_lowercaseInput_givesEip55Form(String eip55) {
        EthAddress address = EthAddress.parse(eip55.toLowerCase(Locale.ROOT), "a");
        assertEquals(eip55, address.toChecksumString());
        assertEquals(eip55, address.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void parseChecksummed_eip55Vector_accepted(String eip55) {
        assertEquals(eip55, EthAddress.parseChecksummed(eip55, "a").toChecksumString());
    }

    @Test
    void parse_allUppercaseDigits_acceptedAsEthersDoes() {
        String upper = "0x" + HARDHAT0_ADDRESS.substring(2).toUpperCase(Locale.ROOT);
        assertEquals(HARDHAT0_ADDRESS, EthAddress.parse(upper, "a").toChecksumString());
    }

    @Test
    void parse_mixedCaseWithBadChecksum_throwsInvalidArgument() {
        // flip the case of one letter of a valid EIP-55 address
        String bad = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> EthAddress.parse(bad, "delegatee"));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("delegatee has a bad EIP-55 checksum"), e.getMessage());
    }

    @Test
    void parseChecksummed_lowercase_throwsInvalidArgumentNamingExpectedForm() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> EthAddress.parseChecksummed(HARDHAT0_ADDRESS.toLowerCase(Locale.ROOT), "address"));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("expected " + HARDHAT0_ADDRESS), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f39Fd6e51aad88F6F4ce6aB8827279cffFb92266",     // no 0x
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226",    // 39 digits
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb922660",  // 41 digits
        "0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266",   // non-hex
        "",
    })
    void parse_malformed_throwsInvalidArgumentOrParserErrorNamingField(String text) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> EthAddress.parse(text, "wallet"));
        assertTrue(e.code() == LitErrorCode.InvalidArgument || e.code() == LitErrorCode.NodeParserError,
                e.code().toString());
        assertTrue(e.getMessage().startsWith("wallet "), e.getMessage());
    }

    @Test
    void parse_malformedLength_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> EthAddress.parse("0x1234", "a")).code());
    }

    @Test
    void parse_null_throwsInvalidArgumentMissing() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> EthAddress.parse(null, "wallet"));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("wallet is missing", e.getMessage());
    }

    @Test
    void fromPublicKey_hardhat0WithAndWithoutPrefix_givesHardhat0Address() {
        byte[] prefixed = Hex.decode(HARDHAT0_PUBLIC_KEY, "pk");
        byte[] bare = java.util.Arrays.copyOfRange(prefixed, 1, 65);
        assertEquals(HARDHAT0_ADDRESS, EthAddress.fromPublicKey(prefixed).toChecksumString());
        assertEquals(HARDHAT0_ADDRESS, EthAddress.fromPublicKey(bare).toChecksumString());
    }

    @Test
    void fromPublicKey_compressedKey_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> EthAddress.fromPublicKey(new byte[33])).code());
    }

    @Test
    void of_nineteenBytes_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> EthAddress.of(new byte[19])).code());
    }

    @Test
    void equals_checksumAndLowercaseSpelling_areEqual() {
        EthAddress a = EthAddress.parse(HARDHAT0_ADDRESS, "a");
        EthAddress b = EthAddress.parse(HARDHAT0_ADDRESS.toLowerCase(Locale.ROOT), "b");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(HARDHAT0_ADDRESS.toLowerCase(Locale.ROOT), b.toLowerHex());
        assertNotEquals(a, EthAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "c"));
    }

    @Test
    void toByteArray_mutatingCopy_doesNotChangeAddress() {
        EthAddress a = EthAddress.parse(HARDHAT0_ADDRESS, "a");
        a.toByteArray()[0] = 0;
        assertEquals(HARDHAT0_ADDRESS, a.toChecksumString());
    }
}
