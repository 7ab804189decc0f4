package io.litj.node.rpc;

import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.chain.JsonRpcRequest;
import io.litj.protocol.chain.JsonRpcResponse;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ethereum JSON-RPC 2.0 to one HTTP endpoint with the JDK client: one POST per call, answered within the timeout
 * (connection, headers and body together) and in at most {@value #MAX_ANSWER_BYTES} bytes, else
 * {@link EthRpcException}. Nothing is cached. Thread-safe; {@link #close()} stops the client.
 */
public final class EthRpc implements AutoCloseable {
    /** Largest JSON-RPC answer read: 1 MiB. */
    public static final int MAX_ANSWER_BYTES = 1 << 20;
    /** Longest error message kept from an answer: room for a contract's revert reason. */
    static final int MAX_ERROR_CHARS = 512;

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;
    private final AtomicLong ids = new AtomicLong();

    public EthRpc(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The endpoint. */
    public URI url() {
        return url;
    }

    private EthRpcException noAnswer(Exception cause) {
        return new EthRpcException("no answer within " + timeout.toMillis() + " ms", null, cause);
    }

    /**
     * Calls {@code method} with {@code params}.
     *
     * @return the call's {@code result}
     * @throws EthRpcException if there is no result
     */
    public JsonValue call(String method, List<JsonValue> params) {
        String body = JsJson.stringify(JsonRpcRequest.of(ids.incrementAndGet(), method, params).toJson());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                info -> LimitedBody.of(MAX_ANSWER_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw noAnswer(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException t) { // the request's own bound, the same time
                throw noAnswer(t);
            }
            throw new EthRpcException("the call failed: " + Text.cut(String.valueOf(e.getCause())), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new EthRpcException("interrupted", null, e);
        }
        if (response.statusCode() != 200) {
            throw new EthRpcException("HTTP status " + response.statusCode(), null, null);
        }
        JsonRpcResponse answer;
        try {
            answer = JsonRpcResponse.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (LitProtocolException e) {
            throw new EthRpcException("the answer is not JSON-RPC: " + e.getMessage(), null, e);
        }
        if (answer.error().isPresent()) {
            throw new EthRpcException("JSON-RPC error " + answer.error().get().code() + " "
                    + Text.cut(answer.error().get().message(), MAX_ERROR_CHARS), answer.error().get().code(), null);
        }
        return answer.result().orElseThrow();
    }

    /**
     * {@code eth_call} of {@code data} on contract {@code to} at the latest block.
     *
     * @return the return data, {@code 0x} + hex
     * @throws EthRpcException if there is no result or it is not a string
     */
    public String ethCall(String to, String data) {
        JsonValue result = call("eth_call", List.of(JsonValue.object().put("to", to).put("data", data).build(),
                new JsonValue.JsonString("latest")));
        if (result instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new EthRpcException("eth_call answered a " + result.getClass().getSimpleName() + ", not hex", null,
                null);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    @Override
    public String toString() {
        return "EthRpc[" + url + "]";
    }
}
