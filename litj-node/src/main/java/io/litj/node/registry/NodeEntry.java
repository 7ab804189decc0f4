package io.litj.node.registry;

import io.litj.protocol.chain.NodeUrl;
import io.litj.protocol.chain.NodeUrl;
import java.util.Objects;

/**
 * One node of the network as the registry lists it (and as the chain view reports it in the Staking contract's
 * validator structs).
 *
 * @param index 0-based position in the epoch's node list (the BLS share index)
 * @param host IPv4 address the node listens on, e.g. {@code 127.0.0.1}
 * @param port HTTP port
 * @param ethAddress the node's Ethereum address ({@code 0x} + 40 hex), its on-chain identity
 * @param identityKey the node's Ed25519 identity public key (64 hex), used to authenticate node-to-node calls
 */
public record NodeEntry(int index, String host, int port, String ethAddress, String identityKey) {
    public NodeEntry {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ethAddress, "ethAddress");
        Objects.requireNonNull(identityKey, "identityKey");
        if (index < 0 || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("bad node index " + index + " or port " + port);
        }
    }

    /**
     * The URL clients and peers use ({@link NodeUrl}: {@code https://host:443}, else {@code http://host:port}); its
     * {@link #address()} is the node's {@code nodeAddress}.
     */
    public String url() {
        return NodeUrl.of(host, port);
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }
}
