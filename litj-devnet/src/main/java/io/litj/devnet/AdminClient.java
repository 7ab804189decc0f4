package io.litj.devnet;

import io.litj.node.LitNodeException;
import io.litj.node.keys.AdminToken;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Calls a node's admin API with the network's admin token. A node's refusal comes back as a
 * {@link LitNodeException} with the node's code; a node that cannot be reached as {@link Unreachable}. Every call
 * has a timeout (10 s unless the caller gives a longer one for a call that waits on the node).
 */
final class AdminClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AdminToken token;
    private final HttpClient http;

    /** A client of nodes whose https certificates the JDK trust store or {@code tls}'s extra CAs vouch for. */
    AdminClient(AdminToken token, SSLContext tls) {
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The node could not be reached (connection refused, reset, timed out). */
    static final class Unreachable extends LitNodeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(LitErrorCode.NetworkError, message, List.of(), cause);
        }
    }

    /** POSTs {@code body} to {@code url} and returns the JSON answer of a 200. */
    JsonValue.JsonObject post(String url, JsonValue body) {
        return post(url, body, TIMEOUT);
    }

    /** As {@link #post(String, JsonValue)} with another timeout. */
    JsonValue.JsonObject post(String url, JsonValue body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token.exportSecret())
                .POST(HttpRequest.BodyPublishers.ofString(JsJson.stringify(body))).build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + url + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "interrupted while calling " + url);
        }
        JsonValue.JsonObject json;
        try {
            json = JsonReader.parseObject(r.body(), LitErrorCode.NodeBadInput, "answer of " + url);
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, url + " answered " + r.statusCode()
                    + " with a body that is not a JSON object");
        }
        if (r.statusCode() != 200) {
            String code = string(json, "errorCode");
            LitErrorCode c = Arrays.stream(LitErrorCode.values()).filter(x -> x.wireName().equals(code)).findFirst()
                    .orElse(LitErrorCode.NodeError);
            throw new LitNodeException(c, url + " refused: " + string(json, "message"));
        }
        return json;
    }

    static String string(JsonValue.JsonObject o, String name) {
        return o.get(name).filter(v -> v instanceof JsonValue.JsonString)
                .map(v -> ((JsonValue.JsonString) v).value()).orElse("");
    }

    @Override
    public void close() {
        http.close();
    }
}
