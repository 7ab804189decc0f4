package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signatures of an {@code executeJs} ({@code js-sdk-v7-wire-format.md} §8.2): for every {@code sigName} in any
 * node's {@code signedData}, the shares of the nodes that sent one, combined by {@link ShareCombination} (digest and
 * key: the shares' most common, as the JS SDK takes them).
 */
final class SignedDataCombination {
    /** The most signature names one action may produce here. */
    static final int MAX_SIGNATURES = 64;

    private SignedDataCombination() {
    }

    /**
     * @throws LitClientException {@code InvalidArgument} for more than {@value #MAX_SIGNATURES} names; as
     *     {@link ShareCombination#combine} for a name whose shares do not combine
     */
    static Map<String, PkpSignature> combine(Map<String, NodeOutcome> perNode, int minShares, String requestId) {
        Set<String> names = new LinkedHashSet<>();
        perNode.values().forEach(o -> names.addAll(o.signedData().members().keySet()));
        if (names.size() > MAX_SIGNATURES) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "executeJs: the nodes sent " + names.size()
                    + " signature names; at most " + MAX_SIGNATURES + " are combined");
        }
        Map<String, PkpSignature> out = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, JsonValue> shares = new LinkedHashMap<>();
            perNode.forEach((url, o) -> o.signedData().get(name).ifPresent(v -> shares.put(url, v)));
            out.put(name, ShareCombination.combine("executeJs signature '" + name + "' (request " + requestId + ")",
                    shares, Optional.empty(), Optional.empty(), minShares));
        }
        return out;
    }
}
