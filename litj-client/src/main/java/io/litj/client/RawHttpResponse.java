package io.litj.client;

import java.util.Objects;

/**
 * One raw HTTP answer of a node or an RPC endpoint, as a {@link NodeTransport} returns it: status,
 * {@code Content-Type} ({@code ""} if none) and body text, not yet parsed or checked (also for non-2xx statuses).
 *
 * <p>Immutable. {@link #toString()} shows status, content type and body size only (a body may hold signature
 * shares or action output).
 */
public record RawHttpResponse(int status, String contentType, String body) {
    public RawHttpResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** True for a 2xx status. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "RawHttpResponse[status=" + status + " contentType=" + contentType + " body=" + body.length()
                + " chars]";
    }
}
