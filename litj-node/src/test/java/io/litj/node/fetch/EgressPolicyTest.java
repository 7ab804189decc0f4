package io.litj.node.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.actions.ActionHostException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The egress policy on resolved addresses: every special-purpose kind refused by default, allowed only by a
 * matching rule; no test here resolves a name or opens a connection (addresses are literals).
 */
class EgressPolicyTest {
    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    private static String refusal(EgressPolicy policy, String host, int port, String... addresses) {
        List<InetAddress> list = java.util.Arrays.stream(addresses).map(EgressPolicyTest::ip).toList();
        return assertThrows(ActionHostException.class,
                () -> policy.choose("http://" + host + ":" + port + "/", host, port, list)).getMessage();
    }

    @Test
    void kind_specialPurposeAddresses_areNamed() {
        String[][] cases = {
                {"127.0.0.1", "LOOPBACK"}, {"127.255.0.9", "LOOPBACK"}, {"::1", "LOOPBACK"},
                {"10.1.2.3", "PRIVATE"}, {"172.16.0.1", "PRIVATE"}, {"172.31.255.255", "PRIVATE"},
                {"192.168.1.1", "PRIVATE"}, {"fec0::1", "PRIVATE"}, {"100.64.0.1", "SHARED"},
                {"100.127.255.254", "SHARED"}, {"169.254.1.1", "LINK_LOCAL"}, {"fe80::1", "LINK_LOCAL"},
                {"169.254.169.254", "METADATA"}, {"169.254.170.2", "METADATA"}, {"100.100.100.200", "METADATA"},
                {"fd00:ec2::254", "METADATA"}, {"fc00::1", "UNIQUE_LOCAL"}, {"fd12:3456::1", "UNIQUE_LOCAL"},
                {"0.0.0.0", "UNSPECIFIED"}, {"::", "UNSPECIFIED"}, {"224.0.0.1", "MULTICAST"},
                {"ff02::1", "MULTICAST"}, {"255.255.255.255", "BROADCAST"}, {"240.0.0.1", "RESERVED"},
                {"192.0.2.1", "RESERVED"}, {"2001:db8::1", "RESERVED"}, {"2001::1", "RESERVED"},
                {"::ffff:127.0.0.1", "LOOPBACK"}, {"::ffff:169.254.169.254", "METADATA"},
                {"64:ff9b::a9fe:a9fe", "METADATA"}, {"64:ff9b::0a00:0001", "PRIVATE"}, {"::7f00:1", "LOOPBACK"},
                {"2002:c0a8:0101::1", "PRIVATE"}, {"2002:0808:0808::1", "PUBLIC"}, {"100::1", "RESERVED"},
                {"8.8.8.8", "PUBLIC"}, {"1.1.1.1", "PUBLIC"}, {"172.32.0.1", "PUBLIC"}, {"100.128.0.1", "PUBLIC"},
                {"2606:4700:4700::1111", "PUBLIC"}, {"64:ff9b::0808:0808", "PUBLIC"}};
        StringBuilder wrong = new StringBuilder();
        for (String[] c : cases) {
            String actual = AddressKind.of(ip(c[0])).name();
            if (!actual.equals(c[1])) {
                wrong.append(c[0]).append(" is ").append(actual).append(", expected ").append(c[1]).append('\n');
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test
    void choose_publicAddress_isAllowedWithoutRules() {
        EgressPolicy policy = new EgressPolicy(List.of());
        assertEquals(ip("93.184.216.34"), policy.choose("http://example.com/", "example.com", 80,
                List.of(ip("93.184.216.34"))));
    }

    @Test
    void choose_loopbackWithoutRule_isRefusedNamingAddressAndKind() {
        assertEquals("fetch refused: http://localhost:7470/ resolves to 127.0.0.1 (loopback) and 1 other address; "
                + "this node's egress policy allows none of them",
                refusal(new EgressPolicy(List.of()), "localhost", 7470, "127.0.0.1", "::1"));
        assertEquals("fetch refused: http://127.0.0.1:7470/ resolves to 127.0.0.1 (loopback); this node's egress "
                + "policy does not allow it", refusal(new EgressPolicy(List.of()), "127.0.0.1", 7470, "127.0.0.1"));
    }

    @Test
    void choose_everyRefusedKind_isRefusedWithoutRule() {
        EgressPolicy policy = new EgressPolicy(List.of());
        for (String address : List.of("169.254.169.254", "fd00:ec2::254", "10.0.0.1", "192.168.0.1", "172.20.0.1",
                "100.64.0.1", "169.254.0.1", "fe80::1", "fc00::1", "0.0.0.0", "::", "224.0.0.1", "ff02::1",
                "255.255.255.255", "::ffff:10.0.0.1")) {
            String message = refusal(policy, "h", 80, address);
            assertEquals(true, message.startsWith("fetch refused: http://h:80/ resolves to "), message);
        }
        assertEquals("fetch refused: http://h:80/ resolves to 169.254.169.254 (cloud metadata); this node's egress "
                + "policy does not allow it", refusal(policy, "h", 80, "169.254.169.254"));
    }

    @Test
    void choose_nameResolvingToPrivateAndPublic_connectsToThePublicOne() {
        assertEquals(ip("8.8.4.4"), new EgressPolicy(List.of()).choose("http://h/", "h", 80,
                List.of(ip("10.0.0.1"), ip("8.8.4.4"))));
    }

    @Test
    void choose_addressPortRule_allowsThatPortOnly() {
        EgressPolicy policy = new EgressPolicy(List.of(EgressRule.parse("127.0.0.1:8080")));
        InetAddress loopback = ip("127.0.0.1");
        assertSame(loopback, policy.choose("http://localhost:8080/", "localhost", 8080, List.of(loopback)));
        refusal(policy, "127.0.0.1", 8081, "127.0.0.1");
        refusal(policy, "127.0.0.2", 8080, "127.0.0.2");
    }

    @Test
    void choose_cidrRule_allowsTheBlockOnAnyPort() {
        EgressPolicy policy = new EgressPolicy(List.of(EgressRule.parse("10.0.0.0/8"), EgressRule.parse("fd00::/8")));
        assertEquals(ip("10.9.9.9"), policy.choose("u", "h", 1, List.of(ip("10.9.9.9"))));
        assertEquals(ip("fd00:ec2::254"), policy.choose("u", "h", 80, List.of(ip("fd00:ec2::254"))));
        refusal(policy, "h", 80, "192.168.0.1");
    }

    @Test
    void choose_ipv6PortRule_andNameRule() {
        EgressPolicy policy = new EgressPolicy(List.of(EgressRule.parse("[::1]:9000"),
                EgressRule.parse("Internal.Example:8443")));
        assertEquals(ip("::1"), policy.choose("u", "[::1]", 9000, List.of(ip("::1"))));
        assertEquals(ip("10.0.0.5"), policy.choose("u", "internal.example", 8443, List.of(ip("10.0.0.5"))));
        refusal(policy, "internal.example", 443, "10.0.0.5");
        refusal(policy, "other.example", 8443, "10.0.0.5");
    }

    @Test
    void rule_malformedEntries_areRefusedNamingTheEntry() {
        assertEquals("fetchAllow entry 'localhost' is neither host:port, [ipv6]:port nor a CIDR block",
                assertThrows(IllegalArgumentException.class, () -> EgressRule.parse("localhost")).getMessage());
        assertEquals("fetchAllow entry '127.0.0.1:0' has a port outside 1..65535",
                assertThrows(IllegalArgumentException.class, () -> EgressRule.parse("127.0.0.1:0")).getMessage());
        assertEquals("'10.0.0.0/33' has a prefix length outside 0..32",
                assertThrows(IllegalArgumentException.class, () -> EgressRule.parse("10.0.0.0/33")).getMessage());
        assertEquals("'example.com/8' does not start with an IP address",
                assertThrows(IllegalArgumentException.class, () -> EgressRule.parse("example.com/8")).getMessage());
    }

    @Test
    void ipLiteral_neverLooksUpNames() throws UnknownHostException {
        assertEquals(true, IpLiteral.parse("localhost").isEmpty());
        assertEquals(true, IpLiteral.parse("127.1").isEmpty());
        assertEquals(true, IpLiteral.parse("0x7f.0.0.1").isEmpty());
        assertEquals(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), ip("127.0.0.1"));
        assertEquals(ip("::1"), ip("[::1]"));
    }
}
