package io.litj.node.http.internal;

import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body within its route's limit and its request's read deadline, before anything parses it: a
 * declared {@code Content-Length} over the limit is refused before a byte is read (so a client that sent
 * {@code Expect: 100-continue} never gets the go-ahead), and any other body, chunked included, is read up to one
 * byte past the limit and refused there. Either refusal is {@code NodePayloadTooLarge} naming the route's limit.
 */
final class BodyReader {
    private final long maxBodyBytes;
    private final ReadDeadlines deadlines;

    /** @param maxBodyBytes the most any route reads; a route's own limit is capped by it */
    BodyReader(long maxBodyBytes, ReadDeadlines deadlines) {
        this.maxBodyBytes = maxBodyBytes;
        this.deadlines = deadlines;
    }

    /**
     * The whole body of {@code req} (empty if it has none), at most {@code min(routeLimit, maxBodyBytes)} bytes.
     *
     * @throws LitNodeException {@code NodePayloadTooLarge} over the limit; {@code NodeBadInput} if the body's framing
     *     is broken
     * @throws CloseConnectionException if the request missed its read deadline or the client went away (nothing can
     *     be answered)
     */
    byte[] read(ServerRequest req, long routeLimit) {
        long limit = Math.min(routeLimit, maxBodyBytes);
        try {
            long declared = req.headers().contentLength().orElse(0);
            if (declared > limit) {
                throw tooLarge(req, limit, declared);
            }
            try (InputStream in = req.content().inputStream()) {
                byte[] raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (raw.length > limit) {
                    throw tooLarge(req, limit, raw.length);
                }
                return raw;
            }
        } catch (RequestException e) {
            if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                throw tooLarge(req, limit, limit + 1);
            }
            throw new LitNodeException(LitErrorCode.NodeBadInput, "request body could not be read");
        } catch (IOException | UncheckedIOException e) {
            throw new CloseConnectionException("request body could not be read", e);
        } finally {
            deadlines.arrived();
        }
    }

    /** The request has no body for its route to read: disarms its deadline. */
    void skip() {
        deadlines.arrived();
    }

    /** A refusal of {@code req}'s body, of at least {@code length} bytes, for being over its route's limit. */
    private static LitNodeException tooLarge(ServerRequest req, long limit, long length) {
        return new LitNodeException(LitErrorCode.NodePayloadTooLarge, "request body of " + Text.cut(
                req.prologue().method().text() + " " + req.path().path()) + " is larger than its limit of " + limit
                + " bytes (" + length + "+)");
    }

    /** A refusal of a body that even the largest route limit ({@code maxBodyBytes}) does not admit. */
    LitNodeException tooLargeForAnyRoute(String method, String path, long length) {
        return new LitNodeException(LitErrorCode.NodePayloadTooLarge, "request body of " + Text.cut(method + " "
                + path) + " is larger than " + maxBodyBytes + " bytes, the most this node reads (" + length + ")");
    }
}
