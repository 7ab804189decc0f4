package io.litj.node.testing;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Raw HTTP/1.1 to a node with the JDK client, as the JS SDK speaks it: JSON bodies, answers read as status, headers
 * and JSON. Every call has a timeout, so a hung node fails the test instead of hanging it.
 */
public final class NodeHttp implements AutoCloseable {
    /** Connect and request timeout of every call. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    /** POSTs {@code json} to {@code url}; {@code headers} are name, value pairs. */
    public Reply post(String url, String json, String... headers) {
        return postBytes(url, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** POSTs {@code body} (a JSON object) to {@code url}. */
    public Reply post(String url, JsonValue body, String... headers) {
        return post(url, JsJson.stringify(body), headers);
    }

    /**
     * POSTs raw bytes with {@code Content-Type: application/json} and a Content-Length. Bodies over 8 KiB are sent
     * with {@code Expect: 100-continue}, so a server that refuses the size answers before the body is sent (without
     * it the server may close while the client is still writing, and the answer is lost).
     */
    public Reply postBytes(String url, byte[] body, String... headers) {
        HttpRequest request = request(url, headers).expectContinue(body.length > 8192)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        if (body.length <= 8192) {
            return send(request);
        }
        // a fresh connection: a server that refused an earlier big body closes its connection, and a pooled one
        // may already be dead when reused
        try (HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .build()) {
            return send(once, request);
        }
    }

    /** A GET without body. */
    public Reply get(String url, String... headers) {
        return send(request(url, headers).GET().build());
    }

    /** A request builder with the JSON content type, the timeout and {@code headers}. */
    public HttpRequest.Builder request(String url, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** Sends a request and reads the whole answer as text. */
    public Reply send(HttpRequest request) {
        return send(client, request);
    }

    private static Reply send(HttpClient with, HttpRequest request) {
        try {
            HttpResponse<String> r = with.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** One answer: status, headers and body text, with JSON accessors that fail the test with the body shown. */
    public record Reply(int status, HttpHeaders headers, String text) {
        /** The body as a JSON object. */
        public JsonValue.JsonObject json() {
            JsonValue v = JsonReader.parse(text, LitErrorCode.NodeBadInput, "reply");
            if (v instanceof JsonValue.JsonObject o) {
                return o;
            }
            throw new AssertionError("reply is not a JSON object: " + this);
        }

        /** A member of the body. */
        public JsonValue member(String name) {
            return json().get(name).orElseThrow(() -> new AssertionError("no '" + name + "' in " + this));
        }

        /** A string member of the body. */
        public String string(String name) {
            if (member(name) instanceof JsonValue.JsonString s) {
                return s.value();
            }
            throw new AssertionError("'" + name + "' is not a string in " + this);
        }

        /** The {@code errorCode} of an error body. */
        public String errorCode() {
            return string("errorCode");
        }

        /** The {@code details} lines of an error body (empty when left out). */
        public List<String> details() {
            return json().get("details").map(d -> ((JsonValue.JsonArray) d).items().stream()
                    .map(i -> ((JsonValue.JsonString) i).value()).toList()).orElse(List.of());
        }

        /** A response header. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + (text.length() <= 2000 ? text : text.substring(0, 2000) + "…");
        }
    }
}
