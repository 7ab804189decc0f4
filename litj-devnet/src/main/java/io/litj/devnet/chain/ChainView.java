package io.litj.devnet.chain;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.Text;
import io.litj.protocol.chain.JsonRpcBatch;
import io.litj.protocol.chain.JsonRpcError;
import io.litj.protocol.chain.JsonRpcResponse;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's view of "the chain" for Lit clients: an HTTP server on 127.0.0.1 (default port
 * {@value #DEFAULT_PORT}, the JS SDK's default {@code rpcUrl} for {@code custom}) serving
 * <ul>
 * <li>{@code POST /}: Ethereum JSON-RPC 2.0, single and batch ({@link EthMethods} lists the methods; the one that
 * matters is {@code eth_call} of {@code getActiveUnkickedValidatorStructsAndCounts()}, answered from the
 * registry at call time through {@link io.litj.protocol.chain.StakingContract}; framing by {@link JsonRpcBatch});</li>
 * <li>{@code GET /get_most_recent_valid_block}: {@code {"blockhash":"0x…","timestamp":"<unix seconds>"}}, what
 * the SDK's {@code _syncBlockhash} reads from {@code _blockHashUrl} (it checks both fields are truthy and computes
 * {@code parseInt(timestamp) * 1000}), matching Lit's block indexer, which sends the timestamp as a string.</li>
 * </ul>
 * Every answer, errors included, is {@code Content-Type: application/json}. Bodies above the limit (default 1 MiB)
 * get HTTP 413 with a JSON-RPC error; malformed input gets a JSON-RPC error and the server keeps serving. Requests
 * run on virtual threads (Helidon's default); connections and concurrent requests are capped.
 *
 * <p>Start with {@link #builder}; {@link #close()} stops the server (the registry stays open, the caller owns it).
 */
public final class ChainView implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainView.class);
    /** The JS SDK's default JSON-RPC URL for a custom network is {@code http://127.0.0.1:8545}. */
    public static final int DEFAULT_PORT = 8545;
    /** Default request body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    /** Largest body limit accepted: 16 MiB. */
    public static final long MAX_BODY_BYTES_CAP = 16L << 20;
    /** The block-indexer route the SDK's {@code _blockHashUrl} points at. */
    public static final String BLOCK_PATH = "/get_most_recent_valid_block";
    private static final String HOST = "127.0.0.1";
    private static final int MAX_CONNECTIONS = 256;
    private static final int MAX_CONCURRENT_REQUESTS = 256;

    private final SqliteRegistry registry;
    private final EthMethods methods;
    private final long maxBodyBytes;
    private final WebServer server;

    private ChainView(Builder b) {
        this.registry = b.registry;
        this.methods = new EthMethods(b.registry, b.clock);
        this.maxBodyBytes = b.maxBodyBytes;
        this.server = WebServer.builder()
                .host(HOST)
                .port(b.port)
                .maxPayloadSize(maxBodyBytes)
                .maxTcpConnections(MAX_CONNECTIONS)
                .maxConcurrentRequests(MAX_CONCURRENT_REQUESTS)
                .shutdownHook(false)
                .directHandlers(DirectHandlers.builder()
                        .addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, this::transportError)
                        .addHandler(DirectHandler.EventType.BAD_REQUEST, this::transportError)
                        .addHandler(DirectHandler.EventType.INTERNAL_ERROR, this::transportError)
                        .addHandler(DirectHandler.EventType.OTHER, this::transportError)
                        .build())
                .routing(r -> r
                        .post("/", this::jsonRpc)
                        .get(BLOCK_PATH, this::latestBlock)
                        .any(this::notFound))
                .build()
                .start();
        LOG.info("chain view listening on {} (registry {})", url(), registry.file());
    }

    /** A builder for a chain view over {@code registry} (which the caller keeps and closes). */
    public static Builder builder(SqliteRegistry registry) {
        return new Builder(registry);
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}: the {@code rpcUrl} to give the JS SDK. */
    public String url() {
        return "http://" + HOST + ":" + port();
    }

    /** {@code http://127.0.0.1:<port>/get_most_recent_valid_block}: the SDK's {@code _blockHashUrl}. */
    public String blockHashUrl() {
        return url() + BLOCK_PATH;
    }

    /** True while the server runs. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        if (server.isRunning()) {
            int port = server.port();
            server.stop();
            LOG.info("chain view on port {} stopped", port);
        }
    }

    private void jsonRpc(ServerRequest req, ServerResponse res) {
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > maxBodyBytes) {
            send(res, 413, tooLarge(declared));
            return;
        }
        byte[] raw;
        try (InputStream in = req.content().inputStream()) {
            raw = in.readNBytes((int) maxBodyBytes + 1);
        } catch (RequestException e) {
            throw e; // e.g. a chunked body over the limit: Helidon answers it through transportError
        } catch (IOException | RuntimeException e) {
            LOG.debug("reading a JSON-RPC body failed: {}", e.toString());
            send(res, 400, error(JsonRpcError.INVALID_REQUEST, "could not read the request body"));
            return;
        }
        if (raw.length > maxBodyBytes) {
            send(res, 413, tooLarge(raw.length));
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            send(res, 400, error(JsonRpcError.PARSE_ERROR, "parse error: the request body is not UTF-8"));
            return;
        }
        JsonRpcBatch.Reply reply = JsonRpcBatch.answer(text, methods::answer);
        send(res, reply.status(), reply.body());
    }

    private void latestBlock(ServerRequest req, ServerResponse res) {
        Block block;
        try {
            block = registry.latestBlock();
        } catch (LitNodeException e) {
            LOG.warn("{} failed: {}", BLOCK_PATH, e.getMessage());
            send(res, 503, JsonValue.object().put("error", "no block available: " + e.getMessage()).build());
            return;
        }
        send(res, 200, JsonValue.object()
                .put("blockhash", block.hash())
                .put("timestamp", Long.toString(block.timestamp().getEpochSecond()))
                .build());
    }

    private void notFound(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        send(res, 404, JsonValue.object().put("error", "no route for " + req.prologue().method().text() + " "
                + Text.cut(path) + "; JSON-RPC is POST /, the latest block GET " + BLOCK_PATH).build());
    }

    private JsonValue.JsonObject tooLarge(long size) {
        return error(JsonRpcError.INVALID_REQUEST, "request body is larger than the limit of " + maxBodyBytes
                + " bytes (" + size + "+)");
    }

    /** A JSON-RPC error answer to a request whose id is unknown. */
    private static JsonValue.JsonObject error(int code, String message) {
        return JsonRpcResponse.failure(JsonValue.JsonNull.INSTANCE, code, message).toJson();
    }

    /** Answers failures Helidon detects before routing (oversized or malformed HTTP) with a JSON-RPC error. */
    private DirectHandler.TransportResponse transportError(DirectHandler.TransportRequest request,
                                                           DirectHandler.EventType event, Status status,
                                                           io.helidon.http.ServerResponseHeaders headers,
                                                           String message) {
        boolean tooLarge = event == DirectHandler.EventType.PAYLOAD_TOO_LARGE
                || status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code();
        Status shown = tooLarge ? Status.REQUEST_ENTITY_TOO_LARGE_413 : status;
        String text = tooLarge ? "request body is larger than the limit of " + maxBodyBytes + " bytes"
                : "HTTP request refused: " + shown.code() + " " + shown.reasonPhrase();
        LOG.debug("transport error {} {}: {}", event, shown.code(), message);
        byte[] body = JsJson.stringify(error(shown.code() >= 500 ? JsonRpcError.INTERNAL_ERROR
                : JsonRpcError.INVALID_REQUEST, text)).getBytes(StandardCharsets.UTF_8);
        return DirectHandler.TransportResponse.builder()
                .status(shown)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .keepAlive(false) // the connection may hold an unread body: never reuse it
                .entity(body)
                .build();
    }

    private static void send(ServerResponse res, int status, JsonValue body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(JsJson.stringify(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Configures a {@link ChainView}; defaults: port 8545, system UTC clock, 1 MiB body limit. */
    public static final class Builder {
        private final SqliteRegistry registry;
        private int port = DEFAULT_PORT;
        private Clock clock = Clock.systemUTC();
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder(SqliteRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The port on 127.0.0.1; 0 picks a free one (see {@link ChainView#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must lie in 0..65535 but is " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The clock the reported epoch start is computed against
         * ({@link io.litj.protocol.chain.StakingEpoch#reportedAt}).
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The request body limit, 1 KiB..16 MiB. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1024 || maxBodyBytes > MAX_BODY_BYTES_CAP) {
                throw new IllegalArgumentException("body limit must lie in 1 KiB..16 MiB but is " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws java.io.UncheckedIOException or a Helidon exception if the port cannot be bound
         */
        public ChainView start() {
            return new ChainView(this);
        }
    }
}
