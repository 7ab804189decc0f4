package io.litj.node.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a URL's host into addresses. The node's default asks the system resolver (IP literals are converted
 * without a lookup); tests give a stub, so that no test ever resolves a name or reaches beyond 127.0.0.0/8.
 */
@FunctionalInterface
interface HostResolver {
    HostResolver SYSTEM = host -> {
        var literal = IpLiteral.parse(host);
        return literal.isPresent() ? List.of(literal.get()) : List.of(InetAddress.getAllByName(host));
    };

    /**
     * @return the addresses of {@code host}, in the resolver's order (not empty)
     * @throws UnknownHostException when the host has none
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
