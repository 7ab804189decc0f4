package io.litj.node.acc;

import io.litj.node.ChainConfig;
import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link ChainRpc} over HTTP with the JDK client: one JSON-RPC 2.0 POST per call to the chain's URL from
 * {@link ChainConfig}. Each call must be answered within {@link ChainConfig#rpcTimeout()} (connection, headers and
 * body together) and with at most {@value #MAX_ANSWER_BYTES} bytes; anything else — a timeout, a transport error, a
 * non-200 status, an answer that is not JSON-RPC, a JSON-RPC error — is {@code NodeAccessControlConditionsCheckFailed}
 * (502). A chain absent from the config is {@code NodeChainNotConfigured}. Nothing is cached: every call asks the
 * chain. Thread-safe; {@link #close()} stops the client.
 */
public final class HttpChainRpc implements ChainRpc, AutoCloseable {
    /** Largest JSON-RPC answer read: 1 MiB. */
    public static final int MAX_ANSWER_BYTES = EthRpc.MAX_ANSWER_BYTES;

    private final ChainConfig config;
    private final Map<String, EthRpc> endpoints;

    public HttpChainRpc(ChainConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        Map<String, EthRpc> byChain = new TreeMap<>();
        config.chains().forEach((chain, url) -> byChain.put(chain, new EthRpc(url, config.rpcTimeout())));
        this.endpoints = Map.copyOf(byChain);
    }

    @Override
    public JsonValue call(String chain, String method, List<JsonValue> params) {
        EthRpc rpc = endpoints.get(chain);
        if (rpc == null) {
            throw new LitNodeException(LitErrorCode.NodeChainNotConfigured, "chain " + Text.cut(chain)
                    + " is not configured on this node (configured: " + config.chains().keySet().stream().sorted()
                    .toList() + ")");
        }
        try {
            return rpc.call(method, params);
        } catch (EthRpcException e) {
            throw failed(chain, method, e.getMessage(), e);
        }
    }

    static LitNodeException failed(String chain, String method, String why, Throwable cause) {
        return new LitNodeException(LitErrorCode.NodeAccessControlConditionsCheckFailed, Text.cut(method) + " on chain "
                + Text.cut(chain) + ": " + why, List.of(), cause);
    }

    @Override
    public void close() {
        endpoints.values().forEach(EthRpc::close);
    }

    @Override
    public String toString() {
        return "HttpChainRpc" + config.chains().keySet().stream().sorted().toList();
    }
}
