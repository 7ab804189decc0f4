package io.litj.node.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.JsonRpcError;
import io.litj.protocol.chain.JsonRpcRequest;
import io.litj.protocol.chain.JsonRpcResponse;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny Ethereum JSON-RPC chain on 127.0.0.1 for condition tests: balances, the latest block's timestamp and
 * {@code eth_call} answers are set by the test; unknown calls answer {@code -32000 execution reverted}. With
 * {@link #stall(boolean)} every call is held without an answer until {@link #close()} (no wall clock involved: the
 * caller's timeout is what ends it). Counts the calls it received.
 */
public final class TestChain implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, BigInteger> balances = new ConcurrentHashMap<>();
    private final Map<String, BigInteger> nonces = new ConcurrentHashMap<>();
    private final Map<String, String> calls = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private volatile long timestamp = 1_700_000_000L;
    private volatile boolean stalled;
    private volatile int rawStatus;
    private volatile byte[] rawBody;

    private TestChain() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestChain start() {
        return new TestChain();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public TestChain balance(EthAddress address, BigInteger wei) {
        balances.put(address.toLowerHex(), wei);
        return this;
    }

    /** The transaction count {@code eth_getTransactionCount} answers for {@code address} at "latest". */
    public TestChain nonce(EthAddress address, BigInteger count) {
        nonces.put(address.toLowerHex(), count);
        return this;
    }

    public TestChain timestamp(long seconds) {
        this.timestamp = seconds;
        return this;
    }

    /** {@code function(args)} at {@code to} answers {@code results}. */
    public TestChain answer(EthAddress to, AbiFunction function, List<AbiValue> args, List<AbiValue> results) {
        calls.put(to.toLowerHex() + "|" + function.encodeCall(args).hex0x(), function.encodeResult(results).hex0x());
        return this;
    }

    /** While true, calls get no answer until {@link #close()}. */
    public TestChain stall(boolean stall) {
        this.stalled = stall;
        return this;
    }

    /** While set, every call is answered with this HTTP status and body instead of JSON-RPC. */
    public TestChain raw(int status, byte[] body) {
        this.rawBody = body;
        this.rawStatus = status;
        return this;
    }

    /** Calls received so far. */
    public int received() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (stalled) {
                released.await();
                return;
            }
            if (rawBody != null) {
                exchange.sendResponseHeaders(rawStatus, rawBody.length);
                exchange.getResponseBody().write(rawBody);
                return;
            }
            JsonRpcRequest request = JsonRpcRequest.from(JsonReader.parse(body, LitErrorCode.NodeBadInput, "rpc"));
            JsonRpcResponse response;
            try {
                response = JsonRpcResponse.success(request.id(), answer(request));
            } catch (IllegalStateException e) {
                response = JsonRpcResponse.failure(request.id(), JsonRpcError.EXECUTION_REVERTED, e.getMessage());
            }
            byte[] out = JsJson.stringify(response.toJson()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonValue answer(JsonRpcRequest request) {
        List<JsonValue> params = request.params();
        return switch (request.method()) {
            case "eth_getBalance" -> hex(balances.getOrDefault(string(params.get(0)).toLowerCase(), BigInteger.ZERO));
            case "eth_getTransactionCount" -> {
                if (!"latest".equals(string(params.get(1)))) {
                    throw new IllegalStateException("only the latest block is known here");
                }
                yield hex(nonces.getOrDefault(string(params.get(0)).toLowerCase(), BigInteger.ZERO));
            }
            case "eth_getBlockByNumber" -> JsonValue.object().put("number", "0x1")
                    .put("timestamp", "0x" + Long.toHexString(timestamp)).build();
            case "eth_call" -> {
                JsonValue.JsonObject tx = (JsonValue.JsonObject) params.get(0);
                String key = string(tx.get("to").orElseThrow()).toLowerCase() + "|"
                        + string(tx.get("data").orElseThrow()).toLowerCase();
                String result = calls.get(key);
                if (result == null) {
                    throw new IllegalStateException("execution reverted");
                }
                yield new JsonValue.JsonString(result);
            }
            default -> throw new IllegalStateException("method not found");
        };
    }

    private static JsonValue hex(BigInteger value) {
        return new JsonValue.JsonString("0x" + value.toString(16));
    }

    private static String string(JsonValue value) {
        return ((JsonValue.JsonString) value).value();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
