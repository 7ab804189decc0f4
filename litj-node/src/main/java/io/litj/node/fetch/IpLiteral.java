package io.litj.node.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals read without any DNS lookup: dotted-quad IPv4 ({@code 127.0.0.1}) and IPv6 with or without
 * brackets ({@code ::1}, {@code [::1]}). Anything else (including the short IPv4 forms {@code 127.1} or
 * {@code 0x7f.1}, which some resolvers accept) is not a literal here: it goes to the resolver, and what that answers
 * is checked like any other address.
 */
final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(bare).matches();
        if (!v4 && !(bare.contains(":") && IPV6.matcher(bare).matches())) {
            return Optional.empty();
        }
        try {
            // a literal of these shapes is converted, never looked up
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
