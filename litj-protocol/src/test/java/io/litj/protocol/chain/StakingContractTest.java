package io.litj.protocol.chain;

import static io.litj.protocol.chain.AbiCodecTest.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both literals below were produced by ethers 5.8.0 (not by litj) in {@code interop/}; the first with the real
 * Staking ABI entry of {@code @lit-protocol/contracts} 0.0.74 ({@code prod/datil-dev.json}, contract
 * {@code Staking}), the second with the same types written out. {@code ChainAbiJsSdkTest} repeats such checks
 * live, with the JS SDK's own ethers and ABI, whenever Node.js is available.
 */
class StakingContractTest {
    /**
     * {@code new ethers.utils.Interface(abi).encodeFunctionResult('getActiveUnkickedValidatorStructsAndCounts', [
     * [3600, 5, 1767229200, 0, 60], 2, [[2130706433, 0, 7470, '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', 0, 0, 0],
     * [2130706433, 0, 7471, '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc', 0, 0, 0], [3232235777, 2n**128n-1n,
     * 4294967295, '0x90f79bf6eb2c4f870365e785982e1f101e93b906', 1000, MaxUint256,
     * '0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']]])}.
     */
    static final String ETHERS_ENCODING = "0x"
            + "0000000000000000000000000000000000000000000000000000000000000e10" // epoch.epochLength = 3600
            + "0000000000000000000000000000000000000000000000000000000000000005" // epoch.number = 5
            + "000000000000000000000000000000000000000000000000000000006955c710" // epoch.endTime = 1767229200
            + "0000000000000000000000000000000000000000000000000000000000000000" // epoch.retries = 0
            + "000000000000000000000000000000000000000000000000000000000000003c" // epoch.timeout = 60
            + "0000000000000000000000000000000000000000000000000000000000000002" // minNodeCount = 2
            + "00000000000000000000000000000000000000000000000000000000000000e0" // offset of validators[]: 7 words
            + "0000000000000000000000000000000000000000000000000000000000000003" // validators.length = 3
            + "000000000000000000000000000000000000000000000000000000007f000001" // [0].ip
            + "0000000000000000000000000000000000000000000000000000000000000000" // [0].ipv6
            + "0000000000000000000000000000000000000000000000000000000000001d2e" // [0].port
            + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8" // [0].nodeAddress
            + "0000000000000000000000000000000000000000000000000000000000000000" // [0].reward
            + "0000000000000000000000000000000000000000000000000000000000000000" // [0].senderPubKey
            + "0000000000000000000000000000000000000000000000000000000000000000" // [0].receiverPubKey
            + "000000000000000000000000000000000000000000000000000000007f000001" // [1].ip
            + "0000000000000000000000000000000000000000000000000000000000000000" // [1].ipv6
            + "0000000000000000000000000000000000000000000000000000000000001d2f" // [1].port
            + "0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc" // [1].nodeAddress
            + "0000000000000000000000000000000000000000000000000000000000000000" // [1].reward
            + "0000000000000000000000000000000000000000000000000000000000000000" // [1].senderPubKey
            + "0000000000000000000000000000000000000000000000000000000000000000" // [1].receiverPubKey
            + "00000000000000000000000000000000000000000000000000000000c0a80101" // [2].ip
            + "00000000000000000000000000000000ffffffffffffffffffffffffffffffff" // [2].ipv6
            + "00000000000000000000000000000000000000000000000000000000ffffffff" // [2].port
            + "00000000000000000000000090f79bf6eb2c4f870365e785982e1f101e93b906" // [2].nodeAddress
            + "00000000000000000000000000000000000000000000000000000000000003e8" // [2].reward
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" // [2].senderPubKey
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"; // [2].receiverPubKey

    /**
     * {@code utils.defaultAbiCoder.encode(['tuple(uint256 epochLength,uint256 number,uint256 endTime,uint256
     * retries,uint256 timeout)','uint256','tuple(uint32 ip,uint128 ipv6,uint32 port,address nodeAddress,uint256
     * reward,uint256 senderPubKey,uint256 receiverPubKey)[]'], [[3600,7,1735693200,0,60], 2, [[0x7f000001,0,7470,
     * '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',0,11,12], [0x7f000001,0,7471,
     * '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',5,21,22], [51.255.59.58,0,443,
     * '0x90F79bf6EB2c4f870365E785982E1f101E93b906',0,31,32]]])}.
     */
    static final String ETHERS_LITERAL = "0x"
            + word("e10") + word("7") + word("67749390") + word("0") + word("3c") + word("2") + word("e0") + word("3")
            + word("7f000001") + word("0") + word("1d2e") + word("70997970c51812dc3a010c7d01b50e0d17dc79c8")
            + word("0") + word("b") + word("c")
            + word("7f000001") + word("0") + word("1d2f") + word("3c44cdddb6a900fa2b585dd299e03d12fa4293bc")
            + word("5") + word("15") + word("16")
            + word("33ff3b3a") + word("0") + word("1bb") + word("90f79bf6eb2c4f870365e785982e1f101e93b906")
            + word("0") + word("1f") + word("20");

    private static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger MAX_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final List<String> ADDRESSES = List.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", "0x90f79bf6eb2c4f870365e785982e1f101e93b906");

    static EthAddress address(int i) {
        return EthAddress.parse(ADDRESSES.get(i), "test address");
    }

    static StakingContract.ActiveValidators fixedInput() {
        BigInteger z = BigInteger.ZERO;
        return new StakingContract.ActiveValidators(StakingEpoch.of(3600, 5, 1767229200L, 0, 60), BigInteger.TWO,
                List.of(new StakingValidator(2130706433L, z, 7470, address(0), z, z, z),
                        new StakingValidator(2130706433L, z, 7471, address(1), z, z, z),
                        new StakingValidator(3232235777L, MAX_128, 4294967295L, address(2), BigInteger.valueOf(1000),
                                MAX_256, new BigInteger("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                16))));
    }

    @Test
    void function_typesAndSelector_areThoseOfTheStakingAbi() {
        assertEquals("getActiveUnkickedValidatorStructsAndCounts()",
                StakingContract.GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.signature());
        assertEquals("((uint256,uint256,uint256,uint256,uint256),uint256,(uint32,uint128,uint32,address,uint256,"
                + "uint256,uint256)[])", new AbiType.Tuple(
                StakingContract.GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.outputs()).canonical());
        byte[] hash = Hashes.keccak256("getActiveUnkickedValidatorStructsAndCounts()");
        assertEquals("0x" + Hex.encode(hash).substring(0, 8), StakingContract.activeValidatorsCall());
        assertEquals("0xc51d020e", StakingContract.activeValidatorsCall());
    }

    @Test
    void encodeActiveValidators_fixedThreeValidators_equalsEthersV5Encoding() {
        assertEquals(ETHERS_ENCODING, StakingContract.encodeActiveValidators(fixedInput()));
    }

    @Test
    void decodeActiveValidators_ethersEncoding_givesBackTheInput() {
        assertEquals(fixedInput(), StakingContract.decodeActiveValidators(ETHERS_ENCODING));
    }

    @Test
    void decodeActiveValidators_ethersLiteral_readsEpochThresholdAndValidators() {
        StakingContract.ActiveValidators s = StakingContract.decodeActiveValidators(ETHERS_LITERAL);
        assertEquals(StakingEpoch.of(3600, 7, 1735693200, 0, 60), s.epoch());
        assertEquals(BigInteger.TWO, s.minNodeCount());
        assertEquals(List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471", "https://51.255.59.58:443"),
                s.validators().stream().map(StakingValidator::url).toList());
        StakingValidator second = s.validators().get(1);
        assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", second.nodeAddress().toChecksumString());
        assertEquals(BigInteger.valueOf(5), second.reward());
        assertEquals(BigInteger.valueOf(21), second.senderPubKey());
        assertEquals(BigInteger.valueOf(22), second.receiverPubKey());
    }

    @Test
    void decodeActiveValidators_noValidators_givesEmptyList() {
        String none = "0x" + word("1") + word("1") + word("1") + word("0") + word("0") + word("0") + word("e0")
                + word("0");
        StakingContract.ActiveValidators s = StakingContract.decodeActiveValidators(none);
        assertTrue(s.validators().isEmpty());
        assertEquals(none, StakingContract.encodeActiveValidators(s));
    }

    @Test
    void decodeActiveValidators_truncated_refusedWithParserErrorNamingTheWord() {
        String cut = ETHERS_LITERAL.substring(0, ETHERS_LITERAL.length() - 64);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators(cut));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("ABI data #2 has element count 3 but at most 2 fits the data", e.getMessage());
    }

    @Test
    void decodeActiveValidators_offsetBeyondData_refusedWithParserError() {
        String bad = ETHERS_LITERAL.substring(0, 2 + 6 * 64) + word("186a0") + ETHERS_LITERAL.substring(2 + 7 * 64);
        assertEquals(LitErrorCode.NodeParserError, assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators(bad)).code());
    }

    @Test
    void decodeActiveValidators_portWiderThanUint32_refusedNamingTheField() {
        int portWord = 2 + (8 + 2) * 64;
        String bad = ETHERS_LITERAL.substring(0, portWord) + word("100000000")
                + ETHERS_LITERAL.substring(portWord + 64);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators(bad));
        assertEquals("ABI data #2[0].2 does not fit uint32", e.getMessage());
    }

    @Test
    void decodeActiveValidators_dirtyAddressPadding_refused() {
        int addressWord = 2 + (8 + 3) * 64;
        String bad = ETHERS_LITERAL.substring(0, addressWord) + "ff" + ETHERS_LITERAL.substring(addressWord + 2);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators(bad));
        assertEquals("ABI data #2[0].3 is an address with non-zero padding", e.getMessage());
    }

    @Test
    void decodeActiveValidators_notHexOrMissing_refusedWithParserError() {
        assertEquals(LitErrorCode.NodeParserError, assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators("0xzz")).code());
        assertEquals(LitErrorCode.NodeParserError, assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators(null)).code());
    }

    @Test
    void decodeActiveValidators_moreThanTheValidatorLimit_refused() {
        StringBuilder hex = new StringBuilder("0x").append(ETHERS_LITERAL, 2, 2 + 7 * 64)
                .append(word(Integer.toHexString(StakingContract.MAX_VALIDATORS + 1)));
        String validator = ETHERS_LITERAL.substring(2 + 8 * 64, 2 + 15 * 64);
        hex.append(validator.repeat(StakingContract.MAX_VALIDATORS + 1));
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> StakingContract.decodeActiveValidators(hex.toString()));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("Staking answer lists 1025 validators, at most 1024 accepted", e.getMessage());
    }

    @Test
    void activeValidators_minNodeCountNegative_refusedWithInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> new StakingContract.ActiveValidators(StakingEpoch.of(1, 1, 1, 0, 0), BigInteger.valueOf(-1),
                        List.of())).code());
    }
}
