package io.litj.protocol.chain;

/**
 * The one rule for the URL of a node registered at an IPv4 address and port, as the JS SDK 7.4.0 builds it when no
 * {@code nodeProtocol} is given: {@code https://} when the port is 443, else {@code http://}; then the address,
 * {@code :} and the port (the port is kept, also 443). The Java SDK, the peers, the devnet and the node's own
 * {@code url()} all use this; there is no second copy.
 */
public final class NodeUrl {
    /** The registered port for which node URLs use {@code https://}. */
    public static final int HTTPS_PORT = 443;

    private NodeUrl() {
    }

    /** {@code https://host:443} or {@code http://host:port}. */
    public static String of(String host, int port) {
        return (port == HTTPS_PORT ? "https://" : "http://") + host + ":" + port;
    }
}
