package io.litj.devnet.chain;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The return value of the Lit Staking contract's {@code getActiveUnkickedValidatorStructsAndCounts()} (selector
 * {@code 0xc51d020e}) in Solidity ABI encoding, the one contract read the Lit JS SDK 7.4.0 makes at
 * {@code connect()} ({@code js-sdk-against-local-nodes.md}, "What connect() does", step 4).
 *
 * <p>The Solidity signature is {@code (Epoch epoch, uint256 minNodeCount, Validator[] validators)} with
 * {@code Epoch = (uint256 epochLength, uint256 number, uint256 endTime, uint256 retries, uint256 timeout)} and
 * {@code Validator = (uint32 ip, uint128 ipv6, uint32 port, address nodeAddress, uint256 reward, uint256
 * senderPubKey, uint256 receiverPubKey)}. Both tuples are static, so the encoding is: the five epoch words inline,
 * the {@code minNodeCount} word, the offset of the array (always {@code 0xe0}, seven words); then the array's length
 * and each validator's seven words inline. Every value is a 32-byte big-endian word, addresses right-aligned.
 *
 * <p>Stateless and thread-safe. Checked against ethers v5's ABI coder with the real Staking ABI of
 * {@code @lit-protocol/contracts} 0.0.74 ({@code StakingAbiTest}).
 */
public final class StakingAbi {
    /** The 4-byte function selector, {@code keccak256("getActiveUnkickedValidatorStructsAndCounts()")[0..4]}. */
    public static final String SELECTOR = "0xc51d020e";
    /**
     * The JS SDK treats an epoch as started only this long after {@code endTime - epochLength} and uses the
     * previous epoch number before ({@code EPOCH_PROPAGATION_DELAY} in {@code lit-core.js}).
     */
    public static final long SDK_EPOCH_PROPAGATION_DELAY_SECONDS = 45;
    /** How far before "now" the reported epoch start lies at the latest (the SDK's delay plus a margin). */
    public static final long REPORTED_START_MIN_AGE_SECONDS = 60;
    /** The {@code timeout} reported in the epoch struct (seconds; the SDK reads but does not use it). */
    public static final long EPOCH_TIMEOUT_SECONDS = 60;

    /** Largest integer a JavaScript number holds exactly; the SDK converts epoch fields with {@code toNumber()}. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final int WORD = 32;
    private static final int HEAD_WORDS = 7;

    private StakingAbi() {
    }

    /**
     * The {@code Epoch} struct. Each field lies in {@code 0..2^53-1}, because the SDK turns them into JavaScript
     * numbers.
     *
     * @param epochLength seconds
     * @param number the epoch number the SDK sends as {@code epoch} in node requests
     * @param endTime unix seconds; {@code endTime - epochLength} is when the SDK takes the epoch to have begun
     * @param retries reported as read; unused by the SDK
     * @param timeout reported as read; unused by the SDK
     */
    public record Epoch(long epochLength, long number, long endTime, long retries, long timeout) {
        public Epoch {
            for (long v : new long[] {epochLength, number, endTime, retries, timeout}) {
                if (v < 0 || v > MAX_SAFE_INTEGER) {
                    throw new IllegalArgumentException("epoch fields must lie in 0..2^53-1 but got " + v);
                }
            }
        }
    }

    /**
     * The {@code Validator} struct.
     *
     * @param ip the IPv4 address as a big-endian uint32 ({@code 127.0.0.1} = 2130706433)
     * @param ipv6 uint128; the SDK ignores it
     * @param port uint32; the SDK builds the node URL {@code http://<ip>:<port>} from it
     * @param nodeAddress the node's Ethereum address
     * @param reward uint256; the SDK ignores it
     * @param senderPubKey uint256; the SDK ignores it
     * @param receiverPubKey uint256; the SDK ignores it
     */
    public record Validator(long ip, BigInteger ipv6, long port, EthAddress nodeAddress, BigInteger reward,
                            BigInteger senderPubKey, BigInteger receiverPubKey) {
        public Validator {
            Objects.requireNonNull(nodeAddress, "nodeAddress");
            checkUint(BigInteger.valueOf(ip), 32, "ip");
            checkUint(ipv6, 128, "ipv6");
            checkUint(BigInteger.valueOf(port), 32, "port");
            checkUint(reward, 256, "reward");
            checkUint(senderPubKey, 256, "senderPubKey");
            checkUint(receiverPubKey, 256, "receiverPubKey");
        }

        /**
         * The struct for a registry node: its IPv4 host, port and Ethereum address; ipv6, reward and the public
         * keys are zero.
         *
         * @throws LitNodeException {@code InvalidArgument} if the host is not a dotted IPv4 address or the address
         *         is not {@code 0x} + 40 hex
         */
        public static Validator of(NodeEntry node) {
            EthAddress address;
            try {
                address = EthAddress.parse(node.ethAddress(), "node " + node.index() + " ethAddress");
            } catch (RuntimeException e) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, e.getMessage());
            }
            return new Validator(ipv4ToUint32(node.host()), BigInteger.ZERO, node.port(), address,
                    BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
        }
    }

    /**
     * The epoch a devnet reports: the registry's epoch length and number, {@code retries} 0, {@code timeout}
     * {@value #EPOCH_TIMEOUT_SECONDS}, and {@code endTime = start + epochLength} where {@code start} is the registry's
     * epoch start but never later than {@value #REPORTED_START_MIN_AGE_SECONDS} s before {@code now}. So the SDK's
     * {@code currentEpochNumber} is the registry epoch as is (it would subtract one during the first
     * {@value #SDK_EPOCH_PROPAGATION_DELAY_SECONDS} s of an epoch numbered 3 or more).
     */
    public static Epoch epochFor(NetworkInfo network, Instant now) {
        long start = Math.min(network.epochStart().getEpochSecond(),
                now.getEpochSecond() - REPORTED_START_MIN_AGE_SECONDS);
        start = Math.max(0, start);
        return new Epoch(network.epochLengthSeconds(), network.epoch(), start + network.epochLengthSeconds(), 0,
                EPOCH_TIMEOUT_SECONDS);
    }

    /**
     * The encoded return value for a registry's network and nodes at {@code now}: {@link #epochFor}, the
     * threshold as {@code minNodeCount}, and one {@link Validator#of validator} per node in index order.
     *
     * @return {@code 0x} + lowercase hex
     * @throws LitNodeException {@code InvalidArgument} if a node's host is not IPv4 or its address is malformed
     */
    public static String encodeFor(NetworkInfo network, List<NodeEntry> nodes, Instant now) {
        return encode(epochFor(network, now), network.threshold(), nodes.stream().map(Validator::of).toList());
    }

    /**
     * Encodes {@code (epoch, minNodeCount, validators)}.
     *
     * @return {@code 0x} + lowercase hex, {@code 32 * (8 + 7n)} bytes for n validators
     */
    public static String encode(Epoch epoch, long minNodeCount, List<Validator> validators) {
        Objects.requireNonNull(epoch, "epoch");
        if (minNodeCount < 0) {
            throw new IllegalArgumentException("minNodeCount must not be negative but is " + minNodeCount);
        }
        List<Validator> list = List.copyOf(validators);
        ByteArrayOutputStream out = new ByteArrayOutputStream(WORD * (HEAD_WORDS + 1 + 7 * list.size()));
        word(out, epoch.epochLength());
        word(out, epoch.number());
        word(out, epoch.endTime());
        word(out, epoch.retries());
        word(out, epoch.timeout());
        word(out, minNodeCount);
        word(out, (long) HEAD_WORDS * WORD); // offset of the dynamic array from the start of the tuple
        word(out, list.size());
        for (Validator v : list) {
            word(out, v.ip());
            word(out, v.ipv6());
            word(out, v.port());
            byte[] address = new byte[WORD];
            System.arraycopy(v.nodeAddress().toByteArray(), 0, address, WORD - 20, 20);
            out.writeBytes(address);
            word(out, v.reward());
            word(out, v.senderPubKey());
            word(out, v.receiverPubKey());
        }
        return "0x" + Hex.encode(out.toByteArray());
    }

    /**
     * A dotted IPv4 address as the big-endian uint32 the Staking contract stores.
     *
     * @throws LitNodeException {@code InvalidArgument} unless {@code host} is four decimal parts 0..255
     */
    public static long ipv4ToUint32(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw notIpv4(host);
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notIpv4(host);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw notIpv4(host);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static LitNodeException notIpv4(String host) {
        String shown = host.length() <= 64 ? host : host.substring(0, 64) + "…";
        return new LitNodeException(LitErrorCode.InvalidArgument, "node host must be a dotted IPv4 address"
                + " (the Staking contract stores uint32 ip) but is '" + shown + "'");
    }

    private static void word(ByteArrayOutputStream out, long value) {
        word(out, BigInteger.valueOf(value));
    }

    private static void word(ByteArrayOutputStream out, BigInteger value) {
        byte[] raw = value.toByteArray(); // minimal two's complement: may carry one leading zero byte
        byte[] word = new byte[WORD];
        int len = Math.min(raw.length, WORD);
        System.arraycopy(raw, raw.length - len, word, WORD - len, len);
        out.writeBytes(word);
    }

    private static void checkUint(BigInteger value, int bits, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException(name + " must be a uint" + bits + " but is " + value);
        }
    }
}
