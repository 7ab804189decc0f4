package io.litj.node.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block ({@code 10.0.0.0/8}, {@code fc00::/7}): a prefix of one address family and its length in bits.
 * Immutable. IPv4 blocks never contain IPv6 addresses and the other way round (callers unwrap IPv4-mapped forms
 * first, see {@link AddressKind}).
 */
final class Cidr {
    private final byte[] prefix;
    private final int bits;

    private Cidr(byte[] prefix, int bits) {
        this.prefix = prefix;
        this.bits = bits;
    }

    /** Parses {@code address/bits} of an IP literal (no DNS lookup); throws {@link IllegalArgumentException}. */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR block (address/bits)");
        }
        byte[] address = IpLiteral.parse(text.substring(0, slash)).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "' does not start with an IP address")).getAddress();
        int bits;
        try {
            bits = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
        }
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + address.length * 8);
        }
        return new Cidr(address, bits);
    }

    /** The block of the first {@code bits} bits of {@code prefix}. */
    static Cidr of(byte[] prefix, int bits) {
        return new Cidr(prefix.clone(), bits);
    }

    /** The block of exactly one address. */
    static Cidr of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return new Cidr(bytes, bytes.length * 8);
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        if (!Arrays.equals(address, 0, full, prefix, 0, full)) {
            return false;
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
