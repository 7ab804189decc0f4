package io.litj.node.acc;

import io.litj.node.ChainConfig;
import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ChainRpc} over HTTP with the JDK client: one JSON-RPC 2.0 POST per call to the chain's URL from
 * {@link ChainConfig}. Each call must be answered within {@link ChainConfig#rpcTimeout()} (connection, headers and
 * body together) and with at most {@value #MAX_ANSWER_BYTES} bytes; anything else — a timeout, a transport error, a
 * non-200 status, an answer that is not JSON-RPC, a JSON-RPC error — is {@code NodeAccessControlConditionsCheckFailed}
 * (502). A chain absent from the config is {@code NodeChainNotConfigured}. Nothing is cached: every call asks the
 * chain. Thread-safe; {@link #close()} stops the client.
 */
public final class HttpChainRpc implements ChainRpc, AutoCloseable {
    /** Largest JSON-RPC answer read: 1 MiB. */
    public static final int MAX_ANSWER_BYTES = 1 << 20;

    private final ChainConfig config;
    private final HttpClient client;
    private final AtomicLong ids = new AtomicLong();

    public HttpChainRpc(ChainConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.rpcTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public JsonValue call(String chain, String method, List<JsonValue> params) {
        URI url = config.chains().get(chain);
        if (url == null) {
            throw new LitNodeException(LitErrorCode.NodeChainNotConfigured, "chain " + Text.cut(chain)
                    + " is not configured on this node (configured: " + config.chains().keySet().stream().sorted()
                    .toList() + ")");
        }
        String body = JsJson.stringify(JsonRpcRequest.of(ids.incrementAndGet(), method, params).toJson());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.rpcTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                info -> LimitedBody.of(MAX_ANSWER_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = future.get(config.rpcTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failed(chain, method, "no answer within " + config.rpcTimeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw failed(chain, method, "the call failed: " + Text.cut(String.valueOf(e.getCause())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw failed(chain, method, "interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw failed(chain, method, "HTTP status " + response.statusCode(), null);
        }
        JsonRpcResponse answer;
        try {
            answer = JsonRpcResponse.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (LitProtocolException e) {
            throw failed(chain, method, "the answer is not JSON-RPC: " + e.getMessage(), e);
        }
        if (answer.error().isPresent()) {
            throw failed(chain, method, "JSON-RPC error " + answer.error().get().code() + " "
                    + Text.cut(answer.error().get().message()), null);
        }
        return answer.result().orElseThrow();
    }

    static LitNodeException failed(String chain, String method, String why, Throwable cause) {
        return new LitNodeException(LitErrorCode.NodeAccessControlConditionsCheckFailed, Text.cut(method) + " on chain "
                + Text.cut(chain) + ": " + why, List.of(), cause);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    @Override
    public String toString() {
        return "HttpChainRpc" + config.chains().keySet().stream().sorted().toList();
    }
}
