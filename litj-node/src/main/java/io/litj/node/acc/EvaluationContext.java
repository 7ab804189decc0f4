package io.litj.node.acc;

import io.litj.protocol.crypto.EthAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the special parameters of a condition stand for in one request ({@code lit-node-behaviour.md} §6.3):
 * {@code :userAddress} is the address the request's auth sig proved (never its unsigned {@code address} field),
 * {@code :currentActionIpfsId} the CID of the running Lit Action (empty outside actions) and
 * {@code :litParam:<name>} the request's {@code jsParams.<name>}. Immutable.
 *
 * @param userAddress         the proven caller
 * @param currentActionIpfsId the running action's CID, if any
 * @param litParams           the request's {@code jsParams} that are strings, numbers or booleans, as text
 */
public record EvaluationContext(EthAddress userAddress, Optional<String> currentActionIpfsId,
        Map<String, String> litParams) {
    public EvaluationContext {
        Objects.requireNonNull(userAddress, "userAddress");
        Objects.requireNonNull(currentActionIpfsId, "currentActionIpfsId");
        litParams = Map.copyOf(Objects.requireNonNull(litParams, "litParams"));
    }

    /** The context of a request outside Lit Actions. */
    public static EvaluationContext of(EthAddress userAddress, Map<String, String> litParams) {
        return new EvaluationContext(userAddress, Optional.empty(), litParams);
    }

    @Override
    public String toString() {
        return "EvaluationContext[user=" + userAddress.toChecksumString() + ", litParams=" + litParams.keySet() + "]";
    }
}
