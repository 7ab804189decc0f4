package io.litj.node.http.internal;

import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /web/handshake[/]}: who this node is and what the network's keys and latest block are
 * ({@code lit-node-behaviour.md} §1.2, {@code js-sdk-against-local-nodes.md}). The BLS key fields read {@code "ERR"}
 * while the network has no key, as Lit nodes answer then.
 */
public final class HandshakeEndpoint implements Endpoint {
    /** What a node reports as its version. */
    public static final String NODE_VERSION = "litj-0.1.0";

    private final Registry registry;
    private final NodeEntry self;
    private final Supplier<Optional<String>> networkPublicKey;

    public HandshakeEndpoint(Registry registry, NodeEntry self, Supplier<Optional<String>> networkPublicKey) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.self = Objects.requireNonNull(self, "self");
        this.networkPublicKey = Objects.requireNonNull(networkPublicKey, "networkPublicKey");
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        String key = networkPublicKey.get().orElse("ERR");
        return NodeResponse.ok(JsonValue.object()
                .put("serverPublicKey", "")
                .put("subnetPublicKey", key)
                .put("networkPublicKey", key)
                .put("networkPublicKeySet", key)
                .put("clientSdkVersion", request.header("x-lit-sdk-version").orElse(""))
                .put("hdRootPubkeys", new JsonValue.JsonArray(List.of()))
                .put("attestation", JsonValue.JsonNull.INSTANCE)
                .put("latestBlockhash", registry.latestBlock().hash())
                .put("nodeVersion", NODE_VERSION)
                .put("epoch", new JsonValue.JsonNumber(registry.network().epoch()))
                .put("nodeIdentityKey", self.identityKey())
                .build());
    }
}
