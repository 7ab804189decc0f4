package io.litj.node.http.internal;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts {@link Endpoint}s to Helidon: reads the body within the size limit, parses JSON strictly, takes the
 * correlation id from {@code X-Correlation-Id} or {@code X-Request-Id} (or makes one), and turns every failure into
 * the node error body in one place. Logs carry route, correlation id, status and code — never bodies.
 */
public final class HttpBridge {
    private static final Logger LOG = LoggerFactory.getLogger(HttpBridge.class);
    private static final int MAX_CORRELATION_ID = 128;

    private final long maxBodyBytes;
    private final Function<LitNodeException, JsonValue.JsonObject> extraErrorFields;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param extraErrorFields adds fields to an error body for some failures (e.g. a Lit Action's {@code logs});
     *        returns the body unchanged otherwise
     */
    public HttpBridge(long maxBodyBytes, Function<LitNodeException, JsonValue.JsonObject> extraErrorFields) {
        this.maxBodyBytes = maxBodyBytes;
        this.extraErrorFields = extraErrorFields;
    }

    /** A Helidon handler for a JSON POST endpoint. */
    public Handler json(String route, Endpoint endpoint) {
        return (req, res) -> serve(route, req, res, endpoint, true);
    }

    /** A Helidon handler for an endpoint without a request body (GET). */
    public Handler noBody(String route, Endpoint endpoint) {
        return (req, res) -> serve(route, req, res, endpoint, false);
    }

    private void serve(String route, ServerRequest req, ServerResponse res, Endpoint endpoint, boolean hasBody) {
        long start = System.nanoTime();
        Map<String, String> headers = headers(req);
        String correlationId = correlationId(headers);
        NodeResponse response;
        String code = "-";
        try {
            JsonValue.JsonObject body = hasBody ? readJson(req) : JsonValue.JsonObject.empty();
            response = endpoint.handle(new NodeRequest(body, headers, correlationId));
        } catch (LitNodeException e) {
            code = e.code().wireName();
            response = new NodeResponse(e.code().httpStatus(), errorBody(e, correlationId));
        } catch (RuntimeException e) {
            code = LitErrorCode.NodeSystemFault.wireName();
            LOG.error("{} {} failed unexpectedly", route, correlationId, e);
            response = new NodeResponse(500, ErrorBody.of(LitErrorCode.NodeSystemFault,
                    "internal error; see the node log for correlation id " + correlationId, correlationId, List.of()));
        }
        send(res, response, correlationId);
        LOG.info("{} {} -> {} {} in {} ms", route, correlationId, response.status(), code,
                (System.nanoTime() - start) / 1_000_000);
    }

    private JsonValue.JsonObject errorBody(LitNodeException e, String correlationId) {
        JsonValue.JsonObject body = ErrorBody.of(e.code(), e.getMessage(), correlationId, e.details());
        JsonValue.JsonObject extra = extraErrorFields.apply(e);
        if (extra.isEmpty()) {
            return body;
        }
        JsonValue.ObjectBuilder b = JsonValue.object();
        body.members().forEach(b::put);
        extra.members().forEach(b::put);
        return b.build();
    }

    /** Answers a request that matched no route. */
    public Handler notFound() {
        return (req, res) -> {
            String correlationId = correlationId(headers(req));
            send(res, new NodeResponse(404, ErrorBody.of(LitErrorCode.NodeRouteNotFound, "no route for "
                    + req.prologue().method().text() + " " + Text.cut(req.path().path()), correlationId, List.of())),
                    correlationId);
        };
    }

    private JsonValue.JsonObject readJson(ServerRequest req) {
        byte[] raw = readLimited(req);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "request body is not UTF-8");
        }
        try {
            return JsonReader.parseObject(text, LitErrorCode.NodeBadInput, "request body");
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
    }

    private byte[] readLimited(ServerRequest req) {
        req.headers().contentLength().ifPresent(length -> {
            if (length > maxBodyBytes) {
                throw tooLarge(length);
            }
        });
        try (InputStream in = req.content().inputStream()) {
            byte[] raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (raw.length > maxBodyBytes) {
                throw tooLarge(raw.length);
            }
            return raw;
        } catch (RequestException e) {
            if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                throw tooLarge(maxBodyBytes + 1);
            }
            throw new LitNodeException(LitErrorCode.NodeBadInput, "request body could not be read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers what Helidon refuses before routing (a declared body larger than its payload limit) with the same
     * JSON error body as every other refusal; other events get Helidon's default answer.
     */
    public DirectHandler directHandler() {
        return (request, event, status, headers, message) -> {
            if (status.code() != Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                return DirectHandler.defaultHandler().handle(request, event, status, headers, message);
            }
            Map<String, String> h = new HashMap<>();
            request.headers().forEach(x -> h.put(x.name().toLowerCase(Locale.ROOT), x.get()));
            String correlationId = correlationId(h);
            long length = request.headers().contentLength().orElse(maxBodyBytes + 1);
            LitNodeException e = tooLarge(length);
            return DirectHandler.TransportResponse.builder()
                    .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .header(HeaderNames.create("X-Correlation-Id"), correlationId)
                    .keepAlive(false)
                    .entity(JsJson.stringify(errorBody(e, correlationId)).getBytes(StandardCharsets.UTF_8))
                    .build();
        };
    }

    private LitNodeException tooLarge(long length) {
        return new LitNodeException(LitErrorCode.NodePayloadTooLarge,
                "request body is larger than the limit of " + maxBodyBytes + " bytes (" + length + "+)");
    }

    private static void send(ServerResponse res, NodeResponse response, String correlationId) {
        res.status(response.status());
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header("X-Correlation-Id", correlationId);
        res.send(JsJson.stringify(response.body()).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(ServerRequest req) {
        Map<String, String> out = new HashMap<>();
        req.headers().forEach(h -> out.put(h.name().toLowerCase(Locale.ROOT), h.get()));
        return out;
    }

    private String correlationId(Map<String, String> headers) {
        String given = headers.getOrDefault("x-correlation-id", headers.get("x-request-id"));
        if (given != null && !given.isBlank() && given.length() <= MAX_CORRELATION_ID
                && given.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return given;
        }
        return "litj_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }
}
