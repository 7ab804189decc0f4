package io.litj.node.http.internal;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.litj.node.HttpLimits;
import io.litj.node.LitNodeException;
import io.litj.node.NodeConfig;
import io.litj.node.metrics.NodeMetrics;
import io.litj.node.ratelimit.CapacityExceededException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Adapts {@link Endpoint}s to Helidon: reads the body within its route's size limit and its request's read deadline
 * ({@link BodyReader}), parses JSON strictly, takes the correlation id from {@code X-Correlation-Id} or
 * {@code X-Request-Id} (or makes one), and turns every failure into the node error body in one place (a full
 * capacity credit into Datil's own {@code rate_limit_exceeded} body, {@link CapacityExceededException}), including what
 * Helidon refuses before routing ({@link #directHandler()}). Logs carry route, correlation id, status and code —
 * never bodies. A body that is refused or that its route does not read is never drained: the answer closes the
 * connection, as it does when the client asked for {@code Connection: close} (Helidon 4.5 would otherwise wait for
 * the client to close). {@link #close()} stops the read deadlines' timer.
 *
 * <p>Operations ({@code docs/operations.md}): every answer is counted in the node's {@link NodeMetrics} under the
 * route name it was registered with (never the path), and while a request is served its correlation id and the node
 * index are in the SLF4J MDC ({@value #MDC_REQUEST_ID}, {@value #MDC_NODE}), so every log line of that request on the
 * serving thread carries them (the JSON log format prints them). A given id is used only if it is 1 to
 * {@value #MAX_CORRELATION_ID} characters of {@code [A-Za-z0-9._:-]}; otherwise the node makes one, so a client can
 * neither break a log line nor fill it.
 */
public final class HttpBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpBridge.class);
    /** The MDC key of the request's correlation id. */
    public static final String MDC_REQUEST_ID = "requestId";
    /** The MDC key of the serving node's index. */
    public static final String MDC_NODE = "node";
    static final int MAX_CORRELATION_ID = 128;
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_CORRELATION_ID + "}");

    private final ReadDeadlines deadlines;
    private final BodyReader bodies;
    private final Function<LitNodeException, JsonValue.JsonObject> extraErrorFields;
    private final SecureRandom random = new SecureRandom();
    private final NodeMetrics metrics;
    private final String node;

    /**
     * @param config           the node's {@code maxBodyBytes} (the most any route reads) and read timeout
     * @param extraErrorFields adds fields to an error body for some failures (e.g. a Lit Action's {@code logs});
     *        returns the body unchanged otherwise
     */
    public HttpBridge(NodeConfig config, Function<LitNodeException, JsonValue.JsonObject> extraErrorFields) {
        this(config, extraErrorFields, NodeMetrics.off());
    }

    /** As {@link #HttpBridge(NodeConfig, Function)}, counting every answer in {@code metrics}. */
    public HttpBridge(NodeConfig config, Function<LitNodeException, JsonValue.JsonObject> extraErrorFields,
            NodeMetrics metrics) {
        this.metrics = metrics;
        this.node = Integer.toString(config.index());
        this.deadlines = new ReadDeadlines(config.http().readTimeout());
        this.bodies = new BodyReader(config.maxBodyBytes(), deadlines);
        this.extraErrorFields = extraErrorFields;
    }

    /** A Helidon handler for a JSON POST endpoint of the Lit API: body limit {@link HttpLimits#API_BODY_BYTES}. */
    public Handler json(String route, Endpoint endpoint) {
        return json(route, HttpLimits.API_BODY_BYTES, endpoint);
    }

    /** A Helidon handler for a JSON POST endpoint whose body limit is {@code maxBodyBytes}. */
    public Handler json(String route, long maxBodyBytes, Endpoint endpoint) {
        return (req, res) -> serve(route, req, res, endpoint, maxBodyBytes);
    }

    /** A Helidon handler for an endpoint without a request body (GET). */
    public Handler noBody(String route, Endpoint endpoint) {
        return (req, res) -> serve(route, req, res, endpoint, -1);
    }

    /**
     * A handler for {@code GET} of a text page (Prometheus' {@code /metrics}): answered with {@code contentType},
     * counted like every other route; a request body is refused like on any body-less route.
     */
    public Handler text(String route, String contentType, Supplier<String> page) {
        return (req, res) -> {
            long start = System.nanoTime();
            String correlationId = correlationId(headers(req));
            if (req.content().hasEntity()) {
                bodies.skip();
                send(res, new NodeResponse(400, ErrorBody.of(LitErrorCode.NodeBadInput, route
                        + " takes no request body", correlationId, List.of())), correlationId, true);
                return;
            }
            byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
            metrics.request(route, Optional.empty(), System.nanoTime() - start);
            res.status(200);
            res.header(HeaderNames.CONTENT_TYPE, contentType);
            res.header("X-Correlation-Id", correlationId);
            res.send(body);
        };
    }

    private void serve(String route, ServerRequest req, ServerResponse res, Endpoint endpoint, long maxBodyBytes) {
        long start = System.nanoTime();
        Map<String, String> headers = headers(req);
        String correlationId = correlationId(headers);
        MDC.put(MDC_REQUEST_ID, correlationId);
        MDC.put(MDC_NODE, node);
        try {
            serve(route, req, res, endpoint, maxBodyBytes, start, headers, correlationId);
        } finally {
            MDC.remove(MDC_REQUEST_ID);
            MDC.remove(MDC_NODE);
        }
    }

    private void serve(String route, ServerRequest req, ServerResponse res, Endpoint endpoint, long maxBodyBytes,
            long start, Map<String, String> headers, String correlationId) {
        NodeResponse response;
        LitErrorCode refused = null;
        String code = "-";
        boolean close = req.headers().containsToken(HeaderValues.CONNECTION_CLOSE);
        try {
            JsonValue.JsonObject body = JsonValue.JsonObject.empty();
            if (maxBodyBytes >= 0) {
                body = parseJson(bodies.read(req, maxBodyBytes));
            } else {
                bodies.skip();
                close |= req.content().hasEntity();
            }
            response = endpoint.handle(new NodeRequest(body, headers, correlationId));
        } catch (CloseConnectionException e) {
            LOG.info("{} {} -> connection closed: {}", route, correlationId, e.getMessage());
            metrics.request(route, Optional.of(LitErrorCode.NodeBadInput), System.nanoTime() - start);
            throw e;
        } catch (CapacityExceededException e) {
            refused = e.code();
            response = new NodeResponse(e.status(), e.body());
        } catch (LitNodeException e) {
            refused = e.code();
            close |= e.code() == LitErrorCode.NodePayloadTooLarge;
            response = new NodeResponse(e.code().httpStatus(), errorBody(e, correlationId));
        } catch (RuntimeException e) {
            refused = LitErrorCode.NodeSystemFault;
            LOG.error("{} {} failed unexpectedly", route, correlationId, e);
            response = new NodeResponse(500, ErrorBody.of(LitErrorCode.NodeSystemFault,
                    "internal error; see the node log for correlation id " + correlationId, correlationId, List.of()));
        }
        if (refused != null) {
            code = refused.wireName();
        }
        long nanos = System.nanoTime() - start;
        metrics.request(route, Optional.ofNullable(refused), nanos);
        LOG.info("{} {} -> {} {} in {} ms", route, correlationId, response.status(), code, nanos / 1_000_000);
        send(res, response, correlationId, close);
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

    /** Answers a request that matched no route (without reading its body, if any). */
    public Handler notFound() {
        return (req, res) -> {
            long start = System.nanoTime();
            bodies.skip();
            String correlationId = correlationId(headers(req));
            long nanos = System.nanoTime() - start;
            metrics.request(NodeMetrics.UNKNOWN_ROUTE, Optional.of(LitErrorCode.NodeRouteNotFound), nanos);
            MDC.put(MDC_REQUEST_ID, correlationId);
            MDC.put(MDC_NODE, node);
            try {
                // the path is the client's: it goes to the client's error body, not to the log
                LOG.info("{} {} -> 404 {} in {} ms", NodeMetrics.UNKNOWN_ROUTE, correlationId,
                        LitErrorCode.NodeRouteNotFound.wireName(), nanos / 1_000_000);
            } finally {
                MDC.remove(MDC_REQUEST_ID);
                MDC.remove(MDC_NODE);
            }
            send(res, new NodeResponse(404, ErrorBody.of(LitErrorCode.NodeRouteNotFound, "no route for "
                    + req.prologue().method().text() + " " + Text.cut(req.path().path()), correlationId, List.of())),
                    correlationId, req.content().hasEntity()
                            || req.headers().containsToken(HeaderValues.CONNECTION_CLOSE));
        };
    }

    private static JsonValue.JsonObject parseJson(byte[] raw) {
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

    /**
     * Answers what Helidon refuses before routing with the same JSON error body as every other refusal: a declared
     * body larger than the most any route reads ({@code NodePayloadTooLarge}) and a request over the listener's
     * {@code maxConcurrentRequests} ({@code NodeConcurrencyOverload}, 429 instead of Helidon's 503); other events get
     * Helidon's default answer. Each such request's read deadline is dropped: Helidon closes its connection.
     */
    public DirectHandler directHandler() {
        return (request, event, status, headers, message) -> {
            deadlines.forget();
            LitNodeException e;
            if (status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                e = bodies.tooLargeForAnyRoute(request.method(), request.path(),
                        request.headers().contentLength().orElse(-1));
            } else if (status.code() == Status.SERVICE_UNAVAILABLE_503.code()) {
                e = new LitNodeException(LitErrorCode.NodeConcurrencyOverload,
                        "too many requests in progress on this node; try again later");
            } else {
                return DirectHandler.defaultHandler().handle(request, event, status, headers, message);
            }
            Map<String, String> h = new HashMap<>();
            request.headers().forEach(x -> h.put(x.name().toLowerCase(Locale.ROOT), x.get()));
            String correlationId = correlationId(h);
            metrics.request(NodeMetrics.UNROUTED, Optional.of(e.code()), 0);
            return DirectHandler.TransportResponse.builder()
                    .status(Status.create(e.code().httpStatus()))
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .header(HeaderNames.create("X-Correlation-Id"), correlationId)
                    .keepAlive(false)
                    .entity(JsJson.stringify(errorBody(e, correlationId)).getBytes(StandardCharsets.UTF_8))
                    .build();
        };
    }

    /** The listener hook that starts each request's read deadline ({@link NodeListener} installs it). */
    Http1ConnectionListener receiveListener() {
        return deadlines.receiveListener();
    }

    /**
     * Sends the answer; with {@code close}, says {@code Connection: close} and then ends the connection (Helidon 4.5
     * would otherwise keep reading it, and take an unread body for the next request).
     */
    private static void send(ServerResponse res, NodeResponse response, String correlationId, boolean close) {
        res.status(response.status());
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header("X-Correlation-Id", correlationId);
        if (close) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        res.send(JsJson.stringify(response.body()).getBytes(StandardCharsets.UTF_8));
        if (close) {
            throw new CloseConnectionException("the request body was not read");
        }
    }

    private static Map<String, String> headers(ServerRequest req) {
        Map<String, String> out = new HashMap<>();
        req.headers().forEach(h -> out.put(h.name().toLowerCase(Locale.ROOT), h.get()));
        return out;
    }

    private String correlationId(Map<String, String> headers) {
        String given = headers.getOrDefault("x-correlation-id", headers.get("x-request-id"));
        if (given != null && given.length() <= MAX_CORRELATION_ID && CORRELATION_ID.matcher(given).matches()) {
            return given;
        }
        return "litj_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }

    /** Stops the read deadlines' timer. */
    @Override
    public void close() {
        deadlines.close();
    }
}
