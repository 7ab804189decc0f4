package io.litj.node.acc;

import io.litj.protocol.json.JsonValue;
import java.util.List;

/**
 * The JSON-RPC of the chains a node evaluates access-control conditions against: one call, one answer. An
 * implementation refuses a chain it does not know ({@code NodeChainNotConfigured}) and turns every transport error,
 * timeout or JSON-RPC error into {@code NodeAccessControlConditionsCheckFailed}, so a failed call can never count
 * as a granted condition.
 */
@FunctionalInterface
public interface ChainRpc {
    /**
     * Calls {@code method} with {@code params} on {@code chain}.
     *
     * @return the call's {@code result}
     * @throws io.litj.node.LitNodeException {@code NodeChainNotConfigured} or {@code
     *     NodeAccessControlConditionsCheckFailed}
     */
    JsonValue call(String chain, String method, List<JsonValue> params);
}
