package io.litj.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.TestRegistries;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StakingAbiTest {
    /**
     * The expected encoding of {@link #fixedInput}, produced by ethers 5.8.0 (not by litj) with the real Staking ABI
     * entry of {@code @lit-protocol/contracts} 0.0.74 ({@code prod/datil-dev.json}, contract {@code Staking}):
     * <pre>
     * new ethers.utils.Interface(abi).encodeFunctionResult('getActiveUnkickedValidatorStructsAndCounts', [
     *   [3600, 5, 1767229200, 0, 60], 2,
     *   [[2130706433, 0, 7470, '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', 0, 0, 0],
     *    [2130706433, 0, 7471, '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc', 0, 0, 0],
     *    [3232235777, 2n**128n-1n, 4294967295, '0x90f79bf6eb2c4f870365e785982e1f101e93b906', 1000,
     *     MaxUint256, '0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']]])
     * </pre>
     * run with node 20 in {@code interop/} (2026-11-22). Decoding litj's output of the same input with that
     * interface's {@code decodeFunctionResult} gave back the input; {@code ChainViewEthersTest} repeats that
     * decoding through a real ethers provider whenever Node.js is available.
     */
    private static final String ETHERS_ENCODING =
            "0x0000000000000000000000000000000000000000000000000000000000000e10" // epoch.epochLength = 3600
            + "0000000000000000000000000000000000000000000000000000000000000005" // epoch.number = 5
            + "000000000000000000000000000000000000000000000000000000006955c710" // epoch.endTime = 1767229200
            + "0000000000000000000000000000000000000000000000000000000000000000" // epoch.retries = 0
            + "000000000000000000000000000000000000000000000000000000000000003c" // epoch.timeout = 60
            + "0000000000000000000000000000000000000000000000000000000000000002" // minNodeCount = 2
            + "00000000000000000000000000000000000000000000000000000000000000e0" // offset of validators[]: 7 head words
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
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" // [2].receiverPubKey
            ;

    private static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger MAX_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private static String fixedInput() {
        StakingAbi.Epoch epoch = new StakingAbi.Epoch(3600, 5, 1767229200L, 0, 60);
        List<StakingAbi.Validator> validators = List.of(
                new StakingAbi.Validator(2130706433L, BigInteger.ZERO, 7470, address(0), BigInteger.ZERO,
                        BigInteger.ZERO, BigInteger.ZERO),
                new StakingAbi.Validator(2130706433L, BigInteger.ZERO, 7471, address(1), BigInteger.ZERO,
                        BigInteger.ZERO, BigInteger.ZERO),
                new StakingAbi.Validator(3232235777L, MAX_128, 4294967295L, address(2), BigInteger.valueOf(1000),
                        MAX_256, new BigInteger("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                        16)));
        return StakingAbi.encode(epoch, 2, validators);
    }

    private static EthAddress address(int i) {
        return EthAddress.parse(TestRegistries.ADDRESSES.get(i), "test address");
    }

    @Test
    void encode_fixedThreeValidators_equalsEthersV5Encoding() {
        assertEquals(ETHERS_ENCODING, fixedInput());
    }

    @Test
    void selector_isKeccakOfTheFunctionSignature() {
        byte[] hash = Hashes.keccak256("getActiveUnkickedValidatorStructsAndCounts()");
        assertEquals(StakingAbi.SELECTOR, "0x" + Hex.encode(hash).substring(0, 8));
    }

    @Test
    void encodeFor_registryNodes_usesThresholdAndNodeAddresses() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        NetworkInfo network = TestRegistries.network(3);
        String hex = StakingAbi.encodeFor(network, TestRegistries.nodes(3), now);
        List<StakingAbi.Validator> expected = TestRegistries.nodes(3).stream()
                .map(n -> new StakingAbi.Validator(2130706433L, BigInteger.ZERO, n.port(),
                        EthAddress.parse(n.ethAddress(), "a"), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO))
                .toList();
        assertEquals(StakingAbi.encode(StakingAbi.epochFor(network, now), 2, expected), hex);
        assertEquals(2 + 64 * (8 + 7 * 3), hex.length());
    }

    @Test
    void epochFor_epochStartedLongAgo_reportsRegistryStart() {
        NetworkInfo network = TestRegistries.network(3);
        StakingAbi.Epoch epoch = StakingAbi.epochFor(network, Instant.parse("2026-06-01T00:00:00Z"));
        assertEquals(new StakingAbi.Epoch(3600, 5, TestRegistries.EPOCH_START.getEpochSecond() + 3600, 0, 60),
                epoch);
    }

    @Test
    void epochFor_epochStartedJustNow_reportsStartSixtySecondsAgo_soTheSdkKeepsTheNumber() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        NetworkInfo network = new NetworkInfo(1, 7, 2, TestRegistries.STAKING, now.minusSeconds(5), 3600);
        StakingAbi.Epoch epoch = StakingAbi.epochFor(network, now);
        long start = epoch.endTime() - epoch.epochLength();
        assertEquals(now.getEpochSecond() - 60, start);
        // lit-core.js currentEpochNumber: number - 1 while floor(now) < start + 45 and number >= 3
        assertTrue(now.getEpochSecond() >= start + StakingAbi.SDK_EPOCH_PROPAGATION_DELAY_SECONDS);
    }

    @Test
    void ipv4ToUint32_loopback_is2130706433() {
        assertEquals(2130706433L, StakingAbi.ipv4ToUint32("127.0.0.1"));
        assertEquals(0xffffffffL, StakingAbi.ipv4ToUint32("255.255.255.255"));
        assertEquals(0L, StakingAbi.ipv4ToUint32("0.0.0.0"));
    }

    @Test
    void ipv4ToUint32_notDottedIpv4_refusedWithInvalidArgument() {
        for (String host : List.of("localhost", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", "-1.2.3.4", "::1",
                "1.2.3.4 ", "1234.1.1.1")) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> StakingAbi.ipv4ToUint32(host), host);
            assertEquals(LitErrorCode.InvalidArgument, e.code());
        }
        LitNodeException e = assertThrows(LitNodeException.class, () -> StakingAbi.ipv4ToUint32("localhost"));
        assertEquals("node host must be a dotted IPv4 address (the Staking contract stores uint32 ip) but is"
                + " 'localhost'", e.getMessage());
    }

    @Test
    void validatorOf_nodeWithHostName_refused() {
        NodeEntry node = new NodeEntry(0, "localhost", 7470, TestRegistries.ADDRESSES.get(0), "00".repeat(32));
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitNodeException.class, () -> StakingAbi.Validator.of(node)).code());
    }

    @Test
    void validator_valuesOutOfRange_refused() {
        EthAddress a = address(0);
        BigInteger z = BigInteger.ZERO;
        assertThrows(IllegalArgumentException.class, () -> new StakingAbi.Validator(1L << 32, z, 1, a, z, z, z));
        assertThrows(IllegalArgumentException.class, () -> new StakingAbi.Validator(-1, z, 1, a, z, z, z));
        assertThrows(IllegalArgumentException.class,
                () -> new StakingAbi.Validator(1, MAX_128.add(BigInteger.ONE), 1, a, z, z, z));
        assertThrows(IllegalArgumentException.class,
                () -> new StakingAbi.Validator(1, z, 1, a, MAX_256.add(BigInteger.ONE), z, z));
        assertThrows(IllegalArgumentException.class, () -> new StakingAbi.Epoch(1L << 53, 1, 1, 0, 0));
    }
}
