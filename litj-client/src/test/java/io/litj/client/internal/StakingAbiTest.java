package io.litj.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.LitClientException;
import io.litj.client.testing.StakingEncoder;
import io.litj.protocol.LitErrorCode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StakingAbiTest {
    /**
     * Produced once with ethers 5.8.0 ({@code interop/node_modules}):
     * {@code utils.defaultAbiCoder.encode(['tuple(uint256 epochLength,uint256 number,uint256 endTime,uint256 retries,
     * uint256 timeout)','uint256','tuple(uint32 ip,uint128 ipv6,uint32 port,address nodeAddress,uint256 reward,
     * uint256 senderPubKey,uint256 receiverPubKey)[]'], [[3600,7,1735693200,0,60], 2, [[0x7f000001,0,7470,
     * '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',0,11,12], [0x7f000001,0,7471,
     * '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',5,21,22], [51.255.59.58,0,443,
     * '0x90F79bf6EB2c4f870365E785982E1f101E93b906',0,31,32]]])}.
     */
    static final String ETHERS_LITERAL = "0x"
            + "0000000000000000000000000000000000000000000000000000000000000e10"
            + "0000000000000000000000000000000000000000000000000000000000000007"
            + "0000000000000000000000000000000000000000000000000000000067749390"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000003c"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "000000000000000000000000000000000000000000000000000000007f000001"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000001d2e"
            + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000b"
            + "000000000000000000000000000000000000000000000000000000000000000c"
            + "000000000000000000000000000000000000000000000000000000007f000001"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000001d2f"
            + "0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "0000000000000000000000000000000000000000000000000000000000000015"
            + "0000000000000000000000000000000000000000000000000000000000000016"
            + "0000000000000000000000000000000000000000000000000000000033ff3b3a"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000001bb"
            + "00000000000000000000000090f79bf6eb2c4f870365e785982e1f101e93b906"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000001f"
            + "0000000000000000000000000000000000000000000000000000000000000020";

    private static final List<StakingEncoder.V> SAME_VALIDATORS = List.of(
            new StakingEncoder.V(0x7f000001L, 7470, "70997970c51812dc3a010c7d01b50e0d17dc79c8", 0, 11, 12),
            new StakingEncoder.V(0x7f000001L, 7471, "3c44cdddb6a900fa2b585dd299e03d12fa4293bc", 5, 21, 22),
            new StakingEncoder.V(0x33ff3b3aL, 443, "90f79bf6eb2c4f870365e785982e1f101e93b906", 0, 31, 32));

    @Test
    void decode_ethersLiteral_readsEpochThresholdAndValidators() {
        StakingAbi.StakingState s = StakingAbi.decode(ETHERS_LITERAL);
        assertEquals(new StakingAbi.Epoch(BigInteger.valueOf(3600), BigInteger.valueOf(7),
                BigInteger.valueOf(1735693200), BigInteger.ZERO, BigInteger.valueOf(60)), s.epoch());
        assertEquals(BigInteger.TWO, s.minNodeCount());
        assertEquals(List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471", "https://51.255.59.58:443"),
                s.validators().stream().map(StakingAbi.Validator::url).toList());
        StakingAbi.Validator second = s.validators().get(1);
        assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", second.nodeAddress().toChecksumString());
        assertEquals(BigInteger.valueOf(5), second.reward());
        assertEquals(BigInteger.valueOf(21), second.senderPubKey());
        assertEquals(BigInteger.valueOf(22), second.receiverPubKey());
    }

    @Test
    void encode_handComputedLayout_equalsTheEthersLiteral() {
        assertEquals(ETHERS_LITERAL, StakingEncoder.encode(3600, 7, 1735693200, 0, 60, 2, SAME_VALIDATORS));
    }

    @Test
    void decode_noValidators_givesEmptyList() {
        StakingAbi.StakingState s = StakingAbi.decode(StakingEncoder.encode(1, 1, 1, 0, 0, 0, List.of()));
        assertTrue(s.validators().isEmpty());
    }

    @Test
    void decode_truncated_failsWithInitError() {
        String cut = ETHERS_LITERAL.substring(0, ETHERS_LITERAL.length() - 64);
        LitClientException e = assertThrows(LitClientException.class, () -> StakingAbi.decode(cut));
        assertEquals(LitErrorCode.InitError, e.code());
        assertTrue(e.getMessage().contains("3 validators need"), e.getMessage());
    }

    @Test
    void decode_offsetBeyondData_failsWithInitError() {
        String bad = ETHERS_LITERAL.substring(0, 2 + 6 * 64) + StakingEncoder.word(100_000)
                + ETHERS_LITERAL.substring(2 + 7 * 64);
        assertEquals(LitErrorCode.InitError,
                assertThrows(LitClientException.class, () -> StakingAbi.decode(bad)).code());
    }

    @Test
    void decode_portAbove65535_failsNamingTheField() {
        String bad = StakingEncoder.encode(1, 1, 1, 0, 0, 1,
                List.of(new StakingEncoder.V(0x7f000001L, 70_000, "11".repeat(20), 0, 0, 0)));
        LitClientException e = assertThrows(LitClientException.class, () -> StakingAbi.decode(bad));
        assertTrue(e.getMessage().contains("validator[0].port"), e.getMessage());
    }

    @Test
    void decode_dirtyAddressPadding_fails() {
        String good = StakingEncoder.encode(1, 1, 1, 0, 0, 1,
                List.of(new StakingEncoder.V(0x7f000001L, 7470, "11".repeat(20), 0, 0, 0)));
        int addressWord = 2 + (8 + 3) * 64;
        String bad = good.substring(0, addressWord) + "ff" + good.substring(addressWord + 2);
        LitClientException e = assertThrows(LitClientException.class, () -> StakingAbi.decode(bad));
        assertTrue(e.getMessage().contains("nodeAddress has non-zero padding"), e.getMessage());
    }

    @Test
    void decode_notHex_failsWithInitError() {
        assertEquals(LitErrorCode.InitError,
                assertThrows(LitClientException.class, () -> StakingAbi.decode("0xzz")).code());
    }

    @Test
    void currentEpoch_withinFirst45SecondsOfEpoch_isOneLess() {
        StakingAbi.Epoch e = new StakingAbi.Epoch(BigInteger.valueOf(3600), BigInteger.valueOf(7),
                BigInteger.valueOf(10_000), BigInteger.ZERO, BigInteger.ZERO);
        long start = 10_000 - 3600;
        assertEquals(6, StakingAbi.currentEpoch(e, Instant.ofEpochSecond(start + 44)));
        assertEquals(6, StakingAbi.currentEpoch(e, Instant.ofEpochSecond(start + 45).minusMillis(1)));
        assertEquals(7, StakingAbi.currentEpoch(e, Instant.ofEpochSecond(start + 45)));
        assertEquals(7, StakingAbi.currentEpoch(e, Instant.ofEpochSecond(start + 46)));
    }

    @Test
    void currentEpoch_belowThree_isNeverLowered() {
        StakingAbi.Epoch e = new StakingAbi.Epoch(BigInteger.valueOf(3600), BigInteger.TWO,
                BigInteger.valueOf(10_000), BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(2, StakingAbi.currentEpoch(e, Instant.ofEpochSecond(0)));
    }
}
