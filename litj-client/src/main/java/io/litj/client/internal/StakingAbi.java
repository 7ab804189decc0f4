package io.litj.client.internal;

import io.litj.client.LitClientException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the answer of the Staking contract's {@code getActiveUnkickedValidatorStructsAndCounts()} (selector
 * {@value #SELECTOR}), the one contract read a Lit client makes at connect ({@code js-sdk-against-local-nodes.md}):
 * {@code (Epoch(epochLength, number, endTime, retries, timeout), uint256 minNodeCount, Validator[](uint32 ip,
 * uint128 ipv6, uint32 port, address nodeAddress, uint256 reward, uint256 senderPubKey, uint256 receiverPubKey))},
 * Solidity ABI encoding. Decoding is strict: every offset, length and narrow integer is bounds-checked.
 */
public final class StakingAbi {
    /** {@code bytes4(keccak256("getActiveUnkickedValidatorStructsAndCounts()"))}. */
    public static final String SELECTOR = "0xc51d020e";
    /** More validators than this is refused as garbage. */
    public static final int MAX_VALIDATORS = 1024;
    private static final int WORD = 32;
    private static final int VALIDATOR_WORDS = 7;
    private static final BigInteger UINT32_LIMIT = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger UINT128_LIMIT = BigInteger.ONE.shiftLeft(128);

    private StakingAbi() {
    }

    /** The contract's epoch struct. */
    public record Epoch(BigInteger epochLength, BigInteger number, BigInteger endTime, BigInteger retries,
                        BigInteger timeout) {
        public Epoch {
            Objects.requireNonNull(epochLength, "epochLength");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(endTime, "endTime");
            Objects.requireNonNull(retries, "retries");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** One validator struct; {@code ip} is the big-endian IPv4 address. */
    public record Validator(long ip, BigInteger ipv6, int port, EthAddress nodeAddress, BigInteger reward,
                            BigInteger senderPubKey, BigInteger receiverPubKey) {
        /** Dotted IPv4, e.g. {@code 127.0.0.1} for {@code 0x7f000001}. */
        public String ipv4() {
            return ((ip >>> 24) & 0xff) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
        }

        /** The node URL as the JS SDK builds it: {@code https://} for port 443, else {@code http://}. */
        public String url() {
            return (port == 443 ? "https://" : "http://") + ipv4() + ":" + port;
        }
    }

    /** The decoded answer. */
    public record StakingState(Epoch epoch, BigInteger minNodeCount, List<Validator> validators) {
        public StakingState {
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(minNodeCount, "minNodeCount");
            validators = List.copyOf(validators);
        }
    }

    /**
     * Decodes the {@code eth_call} result ({@code 0x} + hex).
     *
     * @throws LitClientException {@code InitError} naming what is malformed
     */
    public static StakingState decode(String hex) {
        byte[] data;
        try {
            data = Hex.decode0x(hex, "Staking eth_call result");
        } catch (LitProtocolException e) {
            throw fail("is not hex (" + e.getMessage() + ")");
        }
        if (data.length < 7 * WORD) {
            throw fail("is " + data.length + " bytes, at least " + 7 * WORD + " expected");
        }
        Epoch epoch = new Epoch(word(data, 0), word(data, 1), word(data, 2), word(data, 3), word(data, 4));
        BigInteger minNodeCount = word(data, 5);
        int offset = smallInt(word(data, 6), data.length - WORD, "validator array offset");
        int count = smallInt(uintAt(data, offset), MAX_VALIDATORS, "validator count");
        int first = offset + WORD;
        long needed = first + (long) count * VALIDATOR_WORDS * WORD;
        if (needed > data.length) {
            throw fail("holds " + data.length + " bytes but " + count + " validators need " + needed);
        }
        List<Validator> validators = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int base = first + i * VALIDATOR_WORDS * WORD;
            String at = "validator[" + i + "].";
            long ip = bounded(uintAt(data, base), UINT32_LIMIT, at + "ip").longValue();
            BigInteger ipv6 = bounded(uintAt(data, base + WORD), UINT128_LIMIT, at + "ipv6");
            int port = smallInt(uintAt(data, base + 2 * WORD), 65535, at + "port");
            byte[] addressWord = Arrays.copyOfRange(data, base + 3 * WORD, base + 4 * WORD);
            for (int b = 0; b < 12; b++) {
                if (addressWord[b] != 0) {
                    throw fail(at + "nodeAddress has non-zero padding");
                }
            }
            EthAddress nodeAddress = EthAddress.of(Arrays.copyOfRange(addressWord, 12, 32));
            validators.add(new Validator(ip, ipv6, port, nodeAddress, uintAt(data, base + 4 * WORD),
                    uintAt(data, base + 5 * WORD), uintAt(data, base + 6 * WORD)));
        }
        return new StakingState(epoch, minNodeCount, validators);
    }

    /**
     * The epoch a client sends in requests, as the JS SDK computes it: the contract's epoch number, minus one
     * during the first 45 s of an epoch when the number is at least 3.
     */
    public static long currentEpoch(Epoch epoch, Instant now) {
        long number;
        try {
            number = epoch.number().longValueExact();
        } catch (ArithmeticException e) {
            throw fail("epoch number " + epoch.number() + " does not fit in 64 bits");
        }
        if (number >= 3) {
            BigInteger startMillis = epoch.endTime().subtract(epoch.epochLength()).add(BigInteger.valueOf(45))
                    .multiply(BigInteger.valueOf(1000));
            if (BigInteger.valueOf(now.toEpochMilli()).compareTo(startMillis) < 0) {
                return number - 1;
            }
        }
        return number;
    }

    private static BigInteger word(byte[] data, int index) {
        return uintAt(data, index * WORD);
    }

    private static BigInteger uintAt(byte[] data, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + WORD));
    }

    private static int smallInt(BigInteger value, int max, String what) {
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail(what + " " + cut(value) + " exceeds " + max);
        }
        return value.intValue();
    }

    private static BigInteger bounded(BigInteger value, BigInteger limit, String what) {
        if (value.compareTo(limit) >= 0) {
            throw fail(what + " " + cut(value) + " does not fit its type");
        }
        return value;
    }

    private static String cut(BigInteger value) {
        return Urls.cut(value.toString());
    }

    private static LitClientException fail(String problem) {
        return new LitClientException(LitErrorCode.InitError, "Staking contract answer " + problem);
    }
}
