package io.litj.node.fetch;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operator allowance of the fetch egress policy, as written in the node config's {@code fetchAllow} list:
 * <ul>
 *   <li>{@code 127.0.0.1:8080} or {@code [::1]:8080}: that address, that port;</li>
 *   <li>{@code 10.0.0.0/8} or {@code fd00::/8}: every address in the block, any port;</li>
 *   <li>{@code api.internal:8443}: that host name as the URL names it (case-insensitive), that port, whatever it
 *       resolves to (the operator trusts that name's DNS).</li>
 * </ul>
 * Immutable.
 */
final class EgressRule {
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]{1,253}):([0-9]{1,5})");
    private static final int MAX_TEXT = 300;

    private final String text;
    private final Cidr block;
    private final String hostName;
    private final int port;

    private EgressRule(String text, Cidr block, String hostName, int port) {
        this.text = text;
        this.block = block;
        this.hostName = hostName;
        this.port = port;
    }

    /** Parses one entry; throws {@link IllegalArgumentException} naming what is wrong. */
    static EgressRule parse(String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("fetchAllow entry longer than " + MAX_TEXT + " characters");
        }
        if (text.contains("/")) {
            return new EgressRule(text, Cidr.parse(text), null, 0);
        }
        Matcher m = HOST_PORT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("fetchAllow entry '" + text
                    + "' is neither host:port, [ipv6]:port nor a CIDR block");
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("fetchAllow entry '" + text + "' has a port outside 1..65535");
        }
        Optional<InetAddress> literal = IpLiteral.parse(m.group(1));
        if (literal.isPresent()) {
            return new EgressRule(text, Cidr.of(literal.get()), null, port);
        }
        if (m.group(1).startsWith("[")) {
            throw new IllegalArgumentException("fetchAllow entry '" + text + "' has an invalid IPv6 address");
        }
        return new EgressRule(text, null, m.group(1).toLowerCase(Locale.ROOT), port);
    }

    /** Whether this rule allows connecting to {@code address}:{@code port} for a URL naming {@code urlHost}. */
    boolean allows(String urlHost, InetAddress address, int port) {
        if (this.port != 0 && this.port != port) {
            return false;
        }
        return hostName != null ? hostName.equals(urlHost.toLowerCase(Locale.ROOT)) : block.contains(address);
    }

    /** The entry as written. */
    @Override
    public String toString() {
        return text;
    }
}
