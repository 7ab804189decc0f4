package io.litj.client.internal;

import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.client.NodeTransport;
import io.litj.client.RawHttpResponse;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sending one operation to many nodes at once, with the JS SDK's headers and one request id, and turning what came
 * back into outcomes: a parsed JSON answer or a {@link NodeFailure} built from the node's error body.
 */
public final class NodeCalls {
    /** What {@code X-Lit-SDK-Version} says: a 7.x client (nodes may look at the major version). */
    public static final String SDK_VERSION = "7.4.0-litj";
    /** What {@code X-Lit-SDK-Type} says. */
    public static final String SDK_TYPE = "Java";
    /** Extra wait beyond the transport timeout before a stuck call is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final int MESSAGE_LIMIT = 300;
    /** The node caps an action's logs at 100 KiB; the client keeps as much of a failure's logs. */
    private static final int MAX_LOGS = 100 * 1024;

    private NodeCalls() {
    }

    /** {@code lit_} + 13 random hex digits, as the JS SDK's request ids look. */
    public static String newRequestId(SecureRandom random) {
        byte[] b = new byte[7];
        random.nextBytes(b);
        return "lit_" + Hex.encode(b).substring(0, 13);
    }

    /** {@code n} random bytes as hex. */
    public static String randomHex(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Hex.encode(b);
    }

    /** The headers of every node request of one operation. */
    public static Map<String, String> headers(String requestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json");
        h.put("X-Lit-SDK-Version", SDK_VERSION);
        h.put("X-Lit-SDK-Type", SDK_TYPE);
        h.put("X-Request-Id", requestId);
        return h;
    }

    /** What one node did: a JSON object answer (2xx) or a failure. Exactly one is present. */
    public record Outcome(String nodeUrl, Optional<JsonValue.JsonObject> answer, Optional<NodeFailure> failure) {
        static Outcome ok(String url, JsonValue.JsonObject answer) {
            return new Outcome(url, Optional.of(answer), Optional.empty());
        }

        static Outcome failed(NodeFailure failure) {
            return new Outcome(failure.nodeUrl(), Optional.empty(), Optional.of(failure));
        }
    }

    /**
     * POSTs {@code bodyFor(url)} to {@code url + path} on every node in parallel and waits for all of them (each
     * bounded by {@code timeout}). Outcomes come back in the order of {@code nodeUrls}.
     */
    public static List<Outcome> postAll(NodeTransport transport, List<String> nodeUrls, String path,
                                        Function<String, String> bodyFor, String requestId, Duration timeout) {
        Map<String, String> headers = headers(requestId);
        List<CompletableFuture<RawHttpResponse>> futures = new ArrayList<>(nodeUrls.size());
        for (String url : nodeUrls) {
            CompletableFuture<RawHttpResponse> f;
            try {
                f = transport.post(Urls.endpoint(url, path), bodyFor.apply(url), headers, timeout);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            futures.add(f);
        }
        long deadline = System.nanoTime() + timeout.plus(GRACE).toNanos();
        List<Outcome> out = new ArrayList<>(nodeUrls.size());
        for (int i = 0; i < nodeUrls.size(); i++) {
            out.add(await(nodeUrls.get(i), futures.get(i), deadline, timeout));
        }
        return out;
    }

    private static Outcome await(String url, CompletableFuture<RawHttpResponse> future, long deadline,
                                 Duration timeout) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            RawHttpResponse response = future.get(left, TimeUnit.NANOSECONDS);
            return fromResponse(url, response);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Outcome.failed(NodeFailure.unreachable(url, "no answer within " + timeout.toMillis() + " ms"));
        } catch (ExecutionException | CompletionException e) {
            return Outcome.failed(fromThrowable(url, e.getCause() != null ? e.getCause() : e, timeout));
        } catch (CancellationException e) {
            return Outcome.failed(NodeFailure.unreachable(url, "request was cancelled"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Outcome.failed(NodeFailure.unreachable(url, "interrupted while waiting for the node"));
        }
    }

    /** A 2xx JSON object answer, or the failure the response describes. */
    public static Outcome fromResponse(String url, RawHttpResponse response) {
        if (!response.successful()) {
            return Outcome.failed(errorBody(url, response));
        }
        try {
            return Outcome.ok(url, JsonReader.parseObject(response.body(), LitErrorCode.NodeError, "answer"));
        } catch (LitProtocolException e) {
            return Outcome.failed(new NodeFailure(url, response.status(), Optional.empty(),
                    "answered HTTP " + response.status() + " but not with a JSON object (content type '"
                            + cut(response.contentType()) + "'): " + cut(e.getMessage()), List.of()));
        }
    }

    /**
     * Reads a node error body {@code {errorKind, errorCode, status, message, correlationId, details}}; a body that
     * is not JSON becomes the message (cut).
     */
    public static NodeFailure errorBody(String url, RawHttpResponse response) {
        JsonValue.JsonObject body;
        try {
            body = JsonReader.parseObject(response.body(), LitErrorCode.NodeError, "error body");
        } catch (LitProtocolException e) {
            String text = response.body().isBlank() ? "(empty body)" : cut(response.body().strip());
            return new NodeFailure(url, response.status(), Optional.empty(), text, List.of());
        }
        Optional<String> code = string(body, "errorCode").filter(s -> !s.isEmpty());
        String message = string(body, "message").orElse("(no message)");
        Optional<String> correlationId = string(body, "correlationId").filter(s -> !s.isEmpty());
        if (correlationId.isPresent()) {
            message = message + " (correlationId " + cut(correlationId.get()) + ")";
        }
        List<String> details = new ArrayList<>();
        if (body.get("details").orElse(null) instanceof JsonValue.JsonArray array) {
            for (JsonValue item : array.items()) {
                details.add(cut(item instanceof JsonValue.JsonString s ? s.value() : JsJson.stringify(item)));
            }
        }
        String logs = string(body, "logs").orElse("");
        return new NodeFailure(url, response.status(), code.map(NodeCalls::cut), cut(message), details,
                logs.length() <= MAX_LOGS ? logs : logs.substring(0, MAX_LOGS) + "…");
    }

    /** A transport failure described without stack traces. */
    public static NodeFailure fromThrowable(String url, Throwable t, Duration timeout) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof HttpConnectTimeoutException) {
            message = "could not connect within the connect timeout";
        } else if (cause instanceof HttpTimeoutException) {
            message = "no answer within " + timeout.toMillis() + " ms";
        } else if (cause instanceof javax.net.ssl.SSLHandshakeException) {
            message = "TLS handshake failed (" + describe(cause) + "); a node certificate of a private CA needs"
                    + " LitClient.Builder.trustedCertificates";
        } else if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
            message = "could not connect (" + describe(cause) + ")";
        } else {
            message = describe(cause);
        }
        return NodeFailure.unreachable(url, message);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + cut(m));
    }

    /**
     * Failures ordered for reports: those with the most common node error code first, then by error code, then
     * failures without a code; within a group the input (node) order is kept.
     */
    public static List<NodeFailure> ordered(List<NodeFailure> failures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        failures.forEach(f -> f.errorCode().ifPresent(c -> counts.merge(c, 1, Integer::sum)));
        List<NodeFailure> out = new ArrayList<>(failures);
        out.sort(Comparator.<NodeFailure>comparingInt(f -> -f.errorCode().map(counts::get).orElse(0))
                .thenComparing(f -> f.errorCode().orElse("\uffff")));
        return out;
    }

    /**
     * The exception of an operation that failed on some nodes: a {@link io.litj.client.RateLimitExceededException}
     * when some node refused for the rate limit, {@code NetworkError} when none of them answered, else
     * {@code NodeError}; the failures ordered by {@link #ordered} and described in the message.
     */
    public static LitClientException failed(String operation, List<NodeFailure> failures, int nodeCount,
                                            String requestId) {
        Optional<? extends LitClientException> rateLimited =
                RateLimitRefusals.exception(operation, failures, nodeCount, requestId);
        if (rateLimited.isPresent()) {
            return rateLimited.get();
        }
        List<NodeFailure> ordered = ordered(failures);
        LitErrorCode code = failures.stream().allMatch(NodeFailure::unreachable) ? LitErrorCode.NetworkError
                : LitErrorCode.NodeError;
        return new LitClientException(code, operation + " failed on " + failures.size() + " of " + nodeCount
                + " nodes (request " + requestId + "): " + describeAll(ordered), ordered);
    }

    /** The failures, one per line prefix {@code "; "}. */
    public static String describeAll(List<NodeFailure> failures) {
        StringBuilder b = new StringBuilder();
        for (NodeFailure f : failures) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(f.describe());
        }
        return b.toString();
    }

    /** {@code s} cut at {@value #MESSAGE_LIMIT} characters: node bodies quoted in messages may be longer. */
    static String cut(String s) {
        return Text.cut(s, MESSAGE_LIMIT);
    }

    private static Optional<String> string(JsonValue.JsonObject o, String name) {
        return o.get(name).filter(v -> v instanceof JsonValue.JsonString).map(v -> ((JsonValue.JsonString) v).value());
    }
}
