package io.litj.node.fetch;

import io.litj.node.actions.ActionHostException;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Where a Lit Action's {@code fetch} may connect: to public addresses, and to special-purpose ones (loopback,
 * private, shared, link-local, cloud metadata, unique local, unspecified, multicast, broadcast, reserved: see
 * {@link AddressKind}) only when an operator {@link EgressRule} allows them. The check runs on the addresses a host
 * resolved to, and the fetch then connects to the address that passed, never resolving again, so a name cannot
 * point somewhere else between the check and the connection. Every redirect hop is checked the same way.
 * Immutable and thread-safe.
 */
final class EgressPolicy {
    private final List<EgressRule> allow;

    EgressPolicy(List<EgressRule> allow) {
        this.allow = List.copyOf(Objects.requireNonNull(allow, "allow"));
    }

    /**
     * The first of {@code addresses} that may be reached on {@code port} for a URL naming {@code urlHost}.
     *
     * @throws ActionHostException naming the URL, the address and its kind when none may
     */
    InetAddress choose(String url, String urlHost, int port, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (allowed(urlHost, address, port)) {
                return address;
            }
        }
        InetAddress first = addresses.get(0);
        int others = addresses.size() - 1;
        throw new ActionHostException("fetch refused: " + url + " resolves to " + first.getHostAddress() + " ("
                + AddressKind.of(first).label() + ")" + (others == 0 ? "; this node's egress policy does not allow it"
                : " and " + others + " other address" + (others == 1 ? "" : "es")
                + "; this node's egress policy allows none of them"));
    }

    private boolean allowed(String urlHost, InetAddress address, int port) {
        if (AddressKind.of(address) == AddressKind.PUBLIC) {
            return true;
        }
        for (EgressRule rule : allow) {
            if (rule.allows(urlHost, address, port)) {
                return true;
            }
        }
        return false;
    }
}
