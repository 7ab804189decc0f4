package io.litj.node.http.internal;

import io.litj.protocol.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed request to a node endpoint: the JSON body, the request headers (lower-case names) and the correlation
 * id every log line and error body of this request carries.
 */
public record NodeRequest(JsonValue.JsonObject body, Map<String, String> headers, String correlationId) {
    public NodeRequest {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A header by lower-case name. */
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }
}
