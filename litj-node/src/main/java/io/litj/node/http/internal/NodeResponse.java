package io.litj.node.http.internal;

import io.litj.protocol.json.JsonValue;
import java.util.Objects;

/** A node endpoint's answer: HTTP status and JSON body. */
public record NodeResponse(int status, JsonValue body) {
    public NodeResponse {
        Objects.requireNonNull(body, "body");
    }

    /** 200 with {@code body}. */
    public static NodeResponse ok(JsonValue body) {
        return new NodeResponse(200, body);
    }
}
