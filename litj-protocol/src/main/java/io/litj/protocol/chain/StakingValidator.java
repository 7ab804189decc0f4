package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.EthAddress;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The Staking contract's {@code Validator} struct, {@code (uint32 ip, uint128 ipv6, uint32 port, address
 * nodeAddress, uint256 reward, uint256 senderPubKey, uint256 receiverPubKey)}. The JS SDK 7.4.0 uses only
 * {@code ip} and {@code port}, to build the node URL ({@link #url()}).
 *
 * @param ip the IPv4 address as a big-endian uint32 ({@code 127.0.0.1} = {@code 0x7f000001} = 2130706433)
 * @param ipv6 uint128
 * @param port uint32 as stored; a usable node has a TCP port {@code 0..65535}
 * @param nodeAddress the node's Ethereum address
 * @param reward uint256
 * @param senderPubKey uint256
 * @param receiverPubKey uint256
 */
public record StakingValidator(long ip, BigInteger ipv6, long port, EthAddress nodeAddress, BigInteger reward,
                               BigInteger senderPubKey, BigInteger receiverPubKey) {
    private static final int MAX_TCP_PORT = 65535;

    /**
     * Checks every value against its Solidity type.
     *
     * @throws LitProtocolException {@code InvalidArgument} for a value that does not fit its type
     */
    public StakingValidator {
        AbiCodec.requireUint(BigInteger.valueOf(ip), 32, "ip");
        AbiCodec.requireUint(ipv6, 128, "ipv6");
        AbiCodec.requireUint(BigInteger.valueOf(port), 32, "port");
        Objects.requireNonNull(nodeAddress, "nodeAddress");
        AbiCodec.requireUint(reward, 256, "reward");
        AbiCodec.requireUint(senderPubKey, 256, "senderPubKey");
        AbiCodec.requireUint(receiverPubKey, 256, "receiverPubKey");
    }

    /**
     * The struct of a node at a dotted IPv4 {@code host} and {@code port}; ipv6, reward and the keys are zero.
     *
     * @throws LitProtocolException {@code InvalidArgument} unless {@code host} is four decimal parts 0..255
     *         (the contract stores IPv4 only) and {@code port} lies in 0..65535
     */
    public static StakingValidator of(String host, int port, EthAddress nodeAddress) {
        if (port < 0 || port > MAX_TCP_PORT) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "port must lie in 0..65535 but is " + port);
        }
        return new StakingValidator(ipv4ToUint32(host), BigInteger.ZERO, port, nodeAddress, BigInteger.ZERO,
                BigInteger.ZERO, BigInteger.ZERO);
    }

    /** {@link #ip()} in dotted form, e.g. {@code 127.0.0.1}. */
    public String ipv4() {
        return ((ip >>> 24) & 0xff) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }

    /**
     * The node URL as the JS SDK builds it without a {@code nodeProtocol} ({@link NodeUrl}), of the dotted IPv4.
     *
     * @throws LitProtocolException {@code NodeParserError} if the port is above 65535 (no URL can hold it)
     */
    public String url() {
        if (port > MAX_TCP_PORT) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "validator " + nodeAddress
                    + " has port " + port + ", above 65535");
        }
        return NodeUrl.of(ipv4(), (int) port);
    }

    /** A dotted IPv4 address as the big-endian uint32 the contract stores. */
    static long ipv4ToUint32(String host) {
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

    private static LitProtocolException notIpv4(String host) {
        return new LitProtocolException(LitErrorCode.InvalidArgument, "host must be a dotted IPv4 address"
                + " (the Staking contract stores uint32 ip) but is '" + Text.cut(host) + "'");
    }
}
