package io.litj.client.internal;

import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.client.NodeTransport;
import io.litj.client.RawHttpResponse;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.chain.JsonRpcRequest;
import io.litj.protocol.chain.JsonRpcResponse;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Ethereum JSON-RPC caller over a {@link NodeTransport} (what connect needs: two methods); the envelopes
 * are {@link JsonRpcRequest} and {@link JsonRpcResponse}.
 */
public final class ConnectRpc {
    private final NodeTransport transport;
    private final URI url;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    public ConnectRpc(NodeTransport transport, URI url, Duration timeout) {
        this.transport = transport;
        this.url = url;
        this.timeout = timeout;
    }

    /** {@code eth_chainId} as a number. */
    public long chainId() {
        String hex = hexResult(call("eth_chainId", List.of()), "eth_chainId");
        try {
            return Long.parseLong(hex.substring(2), 16);
        } catch (NumberFormatException e) {
            throw fail("eth_chainId answered '" + Text.cut(hex) + "', not a hex quantity");
        }
    }

    /** {@code eth_call({to, data}, "latest")}: the returned data ({@code 0x} + hex). */
    public String ethCall(String to, String data) {
        JsonValue tx = JsonValue.object().put("to", to).put("data", data).build();
        return hexResult(call("eth_call", List.of(tx, new JsonValue.JsonString("latest"))), "eth_call");
    }

    /**
     * Calls {@code method} and returns its {@code result}.
     *
     * @throws LitClientException {@code NetworkError} if the endpoint could not be reached, {@code InitError} for
     *         a JSON-RPC error or a malformed answer
     */
    public JsonValue call(String method, List<JsonValue> params) {
        String body = JsJson.stringify(JsonRpcRequest.of(ids.incrementAndGet(), method, params).toJson());
        RawHttpResponse response;
        try {
            response = transport.post(url, body, Map.of("Content-Type", "application/json",
                    "Accept", "application/json"), timeout).get(timeout.plusSeconds(2).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitClientException(LitErrorCode.NetworkError, "interrupted during " + method + " to " + url);
        } catch (Exception e) {
            NodeFailure f = NodeCalls.fromThrowable(url.toString(), e, timeout);
            throw new LitClientException(LitErrorCode.NetworkError, "chain RPC " + method + " failed: "
                    + f.describe(), List.of(f));
        }
        if (!response.successful()) {
            throw fail(method + " answered HTTP " + response.status() + ": " + NodeCalls.cut(response.body()));
        }
        JsonRpcResponse answer;
        try {
            answer = JsonRpcResponse.parse(response.body());
        } catch (LitProtocolException e) {
            throw fail(method + " answer: " + e.getMessage());
        }
        if (answer.error().isPresent()) {
            throw fail(method + " returned an error: " + NodeCalls.cut(answer.error().get().message()));
        }
        return answer.result().orElseThrow();
    }

    private String hexResult(JsonValue result, String method) {
        if (result instanceof JsonValue.JsonString s && s.value().startsWith("0x")) {
            return s.value();
        }
        throw fail(method + " result is not a 0x-prefixed hex string");
    }

    private LitClientException fail(String message) {
        return new LitClientException(LitErrorCode.InitError, "chain RPC " + url + ": " + message);
    }
}
