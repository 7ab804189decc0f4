package io.litj.client;

import java.util.Objects;

/**
 * One HTTP answer from a node or an RPC endpoint: status, {@code Content-Type} ({@code ""} if none) and body text.
 *
 * <p>Immutable. {@link #toString()} shows status, content type and body size only (a body may hold signature
 * shares or action output).
 */
public record NodeResponse(int status, String contentType, String body) {
    public NodeResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** True for a 2xx status. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "NodeResponse[status=" + status + " contentType=" + contentType + " body=" + body.length() + " chars]";
    }
}
