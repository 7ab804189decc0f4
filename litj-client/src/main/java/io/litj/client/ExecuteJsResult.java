package io.litj.client;

import io.litj.protocol.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The combined result of {@link LitClient#executeJs}: the {@code response} chosen by the request's
 * {@link ResponseStrategy} (the raw string, and its JSON value when it parses), the most common {@code logs}, and
 * each node's own answer, and the ECDSA signatures combined from the nodes' {@code signedData} shares.
 *
 * <p>Immutable. {@link #toString()} shows the response cut to 64 characters.
 *
 * @param perNode each answering node's outcome, by node URL, in node order
 * @param signatures by {@code sigName}, each combined from the nodes' {@code signedData[sigName]} shares and verified
 *     under its key (empty when the action signed nothing)
 */
public record ExecuteJsResult(String response, Optional<JsonValue> responseJson, String logs,
                              Map<String, NodeOutcome> perNode, Map<String, PkpSignature> signatures) {
    public ExecuteJsResult {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(logs, "logs");
        perNode = Collections.unmodifiableMap(new LinkedHashMap<>(perNode));
        signatures = Collections.unmodifiableMap(new LinkedHashMap<>(signatures));
    }

    @Override
    public String toString() {
        String shown = response.length() <= 64 ? response : response.substring(0, 64) + "…";
        return "ExecuteJsResult[response=" + shown + " logs=" + logs.length() + " chars nodes=" + perNode.keySet()
                + " signatures=" + signatures.keySet() + "]";
    }
}
