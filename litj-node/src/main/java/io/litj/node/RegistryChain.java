package io.litj.node;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a node on an EVM chain reads its registry: the chain's JSON-RPC URL and the address of the network's Staking
 * contract, which lists the nodes and names the other contracts. The {@code chain} member of a node config:
 * {@code "chain":{"rpcUrl":"http://127.0.0.1:8545","stakingAddress":"0x…"}}.
 *
 * @param rpcUrl         an {@code http}/{@code https} JSON-RPC URL
 * @param stakingAddress the Staking contract
 */
public record RegistryChain(URI rpcUrl, EthAddress stakingAddress) {
    static final String FIELD = "chain";
    private static final Set<String> FIELDS = Set.of("rpcUrl", "stakingAddress");

    /** @throws LitNodeException {@code InvalidArgument} if the URL is not http(s) with a host */
    public RegistryChain {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(stakingAddress, "stakingAddress");
        String scheme = rpcUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || rpcUrl.getHost() == null) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "chain.rpcUrl must be an http(s) URL but is "
                    + rpcUrl);
        }
    }

    /** The {@code chain} member of a node config, if present. */
    static Optional<RegistryChain> read(JsonFields config) {
        if (!config.has(FIELD)) {
            return Optional.empty();
        }
        String where = "node config member 'chain'";
        JsonFields f = new JsonFields(config.object(FIELD), LitErrorCode.InvalidArgument, where).onlyKnown(FIELDS);
        URI url;
        try {
            url = new URI(f.string("rpcUrl"));
        } catch (URISyntaxException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "chain.rpcUrl is not a URL: " + e.getMessage());
        }
        try {
            return Optional.of(new RegistryChain(url, EthAddress.parse(f.string("stakingAddress"),
                    "chain.stakingAddress")));
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, e.getMessage(), java.util.List.of(), e);
        }
    }

    /** Adds the {@code chain} member to a node config's JSON. */
    void write(JsonValue.ObjectBuilder b) {
        b.put(FIELD, JsonValue.object().put("rpcUrl", rpcUrl.toString())
                .put("stakingAddress", stakingAddress.toChecksumString()).build());
    }
}
