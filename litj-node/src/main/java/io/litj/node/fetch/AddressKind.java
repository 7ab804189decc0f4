package io.litj.node.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What kind of address a resolved fetch target is, for the egress policy: {@link #PUBLIC} or one of the
 * special-purpose kinds a Lit Action may not reach unless the operator allows it. IPv6 forms that carry an IPv4
 * address (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) are judged by that IPv4 address, so {@code ::ffff:127.0.0.1} is loopback. Every IPv6 address
 * outside global unicast {@code 2000::/3} is {@link #RESERVED}. Stateless.
 */
enum AddressKind {
    PUBLIC("public"),
    LOOPBACK("loopback"),
    PRIVATE("private"),
    SHARED("shared (carrier-grade NAT)"),
    LINK_LOCAL("link-local"),
    METADATA("cloud metadata"),
    UNIQUE_LOCAL("unique local"),
    UNSPECIFIED("unspecified"),
    MULTICAST("multicast"),
    BROADCAST("broadcast"),
    RESERVED("reserved");

    /** Checked in order: the first block that contains the address names its kind. */
    private static final List<Map.Entry<Cidr, AddressKind>> IPV4 = List.of(
            block("169.254.169.254/32", METADATA), // AWS, GCP, Azure, OpenStack, Oracle
            block("169.254.170.2/32", METADATA), // AWS ECS task metadata
            block("100.100.100.200/32", METADATA), // Alibaba Cloud
            block("0.0.0.0/8", UNSPECIFIED),
            block("10.0.0.0/8", PRIVATE),
            block("100.64.0.0/10", SHARED),
            block("127.0.0.0/8", LOOPBACK),
            block("169.254.0.0/16", LINK_LOCAL),
            block("172.16.0.0/12", PRIVATE),
            block("192.0.0.0/24", RESERVED),
            block("192.0.2.0/24", RESERVED),
            block("192.88.99.0/24", RESERVED),
            block("192.168.0.0/16", PRIVATE),
            block("198.18.0.0/15", RESERVED),
            block("198.51.100.0/24", RESERVED),
            block("203.0.113.0/24", RESERVED),
            block("224.0.0.0/4", MULTICAST),
            block("255.255.255.255/32", BROADCAST),
            block("240.0.0.0/4", RESERVED));
    private static final List<Map.Entry<Cidr, AddressKind>> IPV6 = List.of(
            block("fd00:ec2::254/128", METADATA), // AWS IMDS over IPv6
            block("::/128", UNSPECIFIED),
            block("::1/128", LOOPBACK),
            block("fe80::/10", LINK_LOCAL),
            block("fec0::/10", PRIVATE), // deprecated site-local
            block("fc00::/7", UNIQUE_LOCAL),
            block("ff00::/8", MULTICAST),
            block("2001::/32", RESERVED), // Teredo: the IPv4 inside is obfuscated
            block("2001:db8::/32", RESERVED),
            block("64:ff9b:1::/48", RESERVED));
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");
    // the JDK turns an IPv4-mapped literal into an Inet4Address already; raw 16-byte forms are caught here
    private static final Cidr MAPPED = Cidr.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
            0, 0, 0, 0}, 96);
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final String label;

    AddressKind(String label) {
        this.label = label;
    }

    /** How messages name this kind ("loopback", "cloud metadata"). */
    String label() {
        return label;
    }

    static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return first(IPV4, bytes, PUBLIC);
        }
        AddressKind named = first(IPV6, bytes, null);
        if (named != null) {
            return named;
        }
        if (MAPPED.contains(bytes) || COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
            return first(IPV4, Arrays.copyOfRange(bytes, 12, 16), PUBLIC);
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return first(IPV4, Arrays.copyOfRange(bytes, 2, 6), PUBLIC);
        }
        return GLOBAL_UNICAST.contains(bytes) ? PUBLIC : RESERVED;
    }

    private static AddressKind first(List<Map.Entry<Cidr, AddressKind>> table, byte[] bytes, AddressKind otherwise) {
        for (Map.Entry<Cidr, AddressKind> e : table) {
            if (e.getKey().contains(bytes)) {
                return e.getValue();
            }
        }
        return otherwise;
    }

    private static Map.Entry<Cidr, AddressKind> block(String cidr, AddressKind kind) {
        return Map.entry(Cidr.parse(cidr), kind);
    }
}
