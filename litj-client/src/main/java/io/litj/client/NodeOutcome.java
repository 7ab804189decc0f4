package io.litj.client;

import io.litj.protocol.json.JsonValue;
import java.util.Objects;

/**
 * One node's successful {@code executeJs} answer: its {@code response} text, {@code logs}, and its
 * {@code signedData} / {@code claimData} objects (signature and claim shares as the node sent them; the signatures
 * combined from all nodes are in {@link ExecuteJsResult#signatures()}).
 *
 * <p>Immutable. {@link #toString()} shows sizes only.
 */
public record NodeOutcome(String response, String logs, JsonValue.JsonObject signedData,
                          JsonValue.JsonObject claimData) {
    public NodeOutcome {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(signedData, "signedData");
        Objects.requireNonNull(claimData, "claimData");
    }

    @Override
    public String toString() {
        return "NodeOutcome[response=" + response.length() + " chars logs=" + logs.length() + " chars signedData="
                + signedData.members().keySet() + " claimData=" + claimData.members().keySet() + "]";
    }
}
