package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.util.Arrays;

/**
 * A 20-byte Ethereum address. Compared by value (so checksum and lowercase spellings are equal); printed in
 * EIP-55 checksum form.
 */
public final class EthAddress {
    private final byte[] value;

    private EthAddress(byte[] value) {
        this.value = value;
    }

    /** The address of 20 raw bytes. */
    public static EthAddress of(byte[] value) {
        if (value.length != 20) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "address must be 20 bytes but is " + value.length);
        }
        return new EthAddress(value.clone());
    }

    /**
     * Parses {@code 0x} + 40 hex digits the way {@code ethers.utils.getAddress} does: all-lowercase or
     * all-uppercase is accepted as is; mixed case must be a valid EIP-55 checksum.
     */
    public static EthAddress parse(String text, String field) {
        EthAddress address = parseAnyCase(text, field);
        String digits = text.substring(2);
        boolean mixed = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixed && !address.toChecksumString().equals(text)) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    field + " has a bad EIP-55 checksum: " + text);
        }
        return address;
    }

    /** Parses an address that must be written exactly in EIP-55 checksum form (as SIWE requires). */
    public static EthAddress parseChecksummed(String text, String field) {
        EthAddress address = parseAnyCase(text, field);
        if (!address.toChecksumString().equals(text)) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    field + " is not in EIP-55 checksum form: expected " + address.toChecksumString()
                            + " but got " + text);
        }
        return address;
    }

    /** The address of an uncompressed secp256k1 public key (64 bytes x‖y, or 65 bytes with the 0x04 prefix). */
    public static EthAddress fromPublicKey(byte[] publicKey) {
        byte[] xy = publicKey;
        if (publicKey.length == 65 && publicKey[0] == 0x04) {
            xy = Arrays.copyOfRange(publicKey, 1, 65);
        }
        if (xy.length != 64) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "public key must be 64 or 65 (0x04-prefixed) bytes but is " + publicKey.length);
        }
        byte[] hash = Hashes.keccak256(xy);
        return new EthAddress(Arrays.copyOfRange(hash, 12, 32));
    }

    private static EthAddress parseAnyCase(String text, String field) {
        if (text == null) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, field + " is missing");
        }
        if (text.length() != 42 || !text.startsWith("0x")) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    field + " must be 0x followed by 40 hex digits but got '" + Text.cut(text) + "'");
        }
        return new EthAddress(Hex.decode(text.substring(2), field));
    }

    /** A copy of the 20 bytes. */
    public byte[] toByteArray() {
        return value.clone();
    }

    /** EIP-55 mixed-case form with {@code 0x}. */
    public String toChecksumString() {
        String lower = Hex.encode(value);
        byte[] hash = Hashes.keccak256(lower);
        StringBuilder out = new StringBuilder(42).append("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** Lowercase hex with {@code 0x}. */
    public String toLowerHex() {
        return "0x" + Hex.encode(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthAddress a && Arrays.equals(value, a.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toChecksumString();
    }
}
