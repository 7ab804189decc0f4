package io.litj.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.chain.JsonRpcBatch;
import io.litj.protocol.chain.JsonRpcError;
import io.litj.protocol.chain.JsonRpcException;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.chain.StakingEpoch;
import io.litj.protocol.chain.StakingValidator;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny Lit network in test code: N nodes and one chain endpoint (JSON-RPC for the Staking read, and
 * {@code /get_most_recent_valid_block}), each a JDK {@link HttpServer} on 127.0.0.1, recording every request.
 * Nodes answer the handshake and {@code /web/execute/v1}; execute checks the session sig with the real
 * {@link SessionSigValidator} for this node's URL. Close it to stop every server.
 */
public final class FakeLitNetwork implements AutoCloseable {
    public static final String NETWORK_KEY = "a43499a4b786da2dd28af9f209eb152ff6f646b34b68a02954967271e17fb4c5"
            + "11fd67b81e067f690c6f38acab70585d";
    public static final String OTHER_KEY = "b" + NETWORK_KEY.substring(1);
    public static final String ACTION_CID = "QmWBC8aLLeMpH9SD3tNuVT6jLbYmFLm6uVdxXkK7MQ8tp4";
    public static final long EPOCH = 7;

    /** A node's handshake answer with network key {@code key} and {@code blockhash} (none if null). */
    public static JsonValue.JsonObject handshakeAnswer(String key, String blockhash) {
        JsonValue.ObjectBuilder b = JsonValue.object().put("serverPublicKey", "")
                .put("subnetPublicKey", key).put("networkPublicKey", key)
                .put("networkPublicKeySet", key).put("hdRootPubkeys", new JsonValue.JsonArray(List.of()));
        if (blockhash != null) {
            b.put("latestBlockhash", blockhash);
        }
        return b.put("clientSdkVersion", "7.4.0").put("nodeVersion", "fake")
                .put("epoch", new JsonValue.JsonNumber(EPOCH)).put("attestation", JsonValue.JsonNull.INSTANCE).build();
    }

    /** One recorded HTTP request (header names lowercase). */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {
        public JsonValue.JsonObject json() {
            return JsonReader.parseObject(body, LitErrorCode.NodeParserError, "recorded body");
        }
    }

    /** A reply: status and JSON body. */
    public record Reply(int status, String body) {
        public static Reply json(JsonValue.JsonObject o) {
            return new Reply(200, JsJson.stringify(o));
        }

        public static Reply error(LitErrorCode code, String message) {
            return new Reply(code.httpStatus(), JsJson.stringify(JsonValue.object()
                    .put("errorKind", code.kind().name()).put("errorCode", code.wireName())
                    .put("status", new JsonValue.JsonNumber(code.httpStatus())).put("message", message)
                    .put("correlationId", "lit_test").put("details",
                            new JsonValue.JsonArray(List.of(new JsonValue.JsonString("detail of " + message))))
                    .build()));
        }
    }

    /** How a node answers the handshake. */
    public enum HandshakeMode { OK, OTHER_KEY, ERROR, NO_BLOCKHASH, HANG }

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<FakeNode> nodes = new ArrayList<>();
    private final HttpServer chain;
    private final List<Recorded> chainRequests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> blockhash = new AtomicReference<>("0x" + "ab".repeat(32));
    private final AtomicInteger blockRequests = new AtomicInteger();
    private volatile boolean blockServiceFails;
    private volatile List<String> extraValidatorUrls = List.of();

    private FakeLitNetwork(int count, Clock clock) throws IOException {
        this.clock = clock;
        for (int i = 0; i < count; i++) {
            nodes.add(new FakeNode());
        }
        chain = server();
        chain.createContext("/", this::chain);
        chain.start();
    }

    /** Starts {@code count} nodes and the chain endpoint; node validators judge time by {@code clock}. */
    public static FakeLitNetwork start(int count, Clock clock) {
        try {
            return new FakeLitNetwork(count, clock);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loopback URL on which nothing listens (the port was free a moment ago). */
    public static String unreachableUrl() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer server() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setExecutor(executor);
        return s;
    }

    public List<FakeNode> nodes() {
        return nodes;
    }

    public FakeNode node(int i) {
        return nodes.get(i);
    }

    public List<String> nodeUrls() {
        return nodes.stream().map(FakeNode::url).toList();
    }

    /** Makes the Staking contract list these loopback URLs too (e.g. a node that is down). */
    public void alsoListInStaking(List<String> urls) {
        this.extraValidatorUrls = List.copyOf(urls);
    }

    public URI rpcUrl() {
        return URI.create("http://127.0.0.1:" + chain.getAddress().getPort() + "/rpc");
    }

    public URI blockHashUrl() {
        return URI.create("http://127.0.0.1:" + chain.getAddress().getPort() + "/get_most_recent_valid_block");
    }

    public void blockhash(String hash) {
        blockhash.set(hash);
    }

    public String blockhash() {
        return blockhash.get();
    }

    public void blockServiceFails(boolean fails) {
        blockServiceFails = fails;
    }

    public int blockRequests() {
        return blockRequests.get();
    }

    public List<Recorded> chainRequests() {
        return List.copyOf(chainRequests);
    }

    private void chain(HttpExchange ex) throws IOException {
        Recorded r = record(ex);
        chainRequests.add(r);
        if (r.path().equals("/get_most_recent_valid_block")) {
            blockRequests.incrementAndGet();
            if (blockServiceFails) {
                send(ex, new Reply(503, "{\"error\":\"down\"}"));
                return;
            }
            send(ex, Reply.json(JsonValue.object().put("blockhash", blockhash.get())
                    .put("timestamp", new JsonValue.JsonNumber(clock.instant().getEpochSecond())).build()));
            return;
        }
        JsonRpcBatch.Reply reply = JsonRpcBatch.answer(r.body(), call -> switch (call.method()) {
            case "eth_chainId" -> new JsonValue.JsonString("0x2ac54");
            case "eth_call" -> new JsonValue.JsonString(staking());
            default -> throw new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "method not found");
        });
        send(ex, new Reply(reply.status(), JsJson.stringify(reply.body())));
    }

    private String staking() {
        List<StakingValidator> validators = new ArrayList<>();
        List<String> urls = new ArrayList<>(nodeUrls());
        urls.addAll(extraValidatorUrls);
        for (int i = 0; i < urls.size(); i++) {
            URI url = URI.create(urls.get(i));
            EthAddress address = EthAddress.of(Hex.decode(String.format("%040x", i + 1), "address"));
            validators.add(StakingValidator.of(url.getHost(), url.getPort(), address));
        }
        long now = clock.instant().getEpochSecond();
        return StakingContract.encodeActiveValidators(new StakingContract.ActiveValidators(
                StakingEpoch.of(3600, EPOCH, now + 1800, 0, 60), BigInteger.valueOf(Math.max(1, urls.size() - 1)),
                validators));
    }

    /** Releases hanging handlers and stops every server. */
    @Override
    public void close() {
        stopping.countDown();
        nodes.forEach(n -> n.server.stop(0));
        chain.stop(0);
        executor.shutdownNow();
    }

    private static Recorded record(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, body);
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One fake node. */
    public final class FakeNode {
        private final HttpServer server;
        private final String url;
        private final SessionSigValidator validator;
        private final List<Recorded> requests = new CopyOnWriteArrayList<>();
        private volatile HandshakeMode handshakeMode = HandshakeMode.OK;
        private volatile String response = "{\"answer\":42}";
        private volatile String logs = "hello from the action\n";
        private volatile Reply executeOverride;
        private volatile Reply pkpSignReply = Reply.error(LitErrorCode.NodeRouteNotFound, "no pkp/sign reply set");

        private FakeNode() throws IOException {
            server = server();
            url = "http://127.0.0.1:" + server.getAddress().getPort();
            validator = SessionSigValidator.builder(url).clock(clock).build();
            server.createContext("/", this::handle);
            server.start();
        }

        public String url() {
            return url;
        }

        public List<Recorded> requests() {
            return List.copyOf(requests);
        }

        public List<Recorded> requests(String path) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }

        public FakeNode handshake(HandshakeMode mode) {
            this.handshakeMode = mode;
            return this;
        }

        /** What a successful execute answers as {@code response}. */
        public FakeNode response(String response) {
            this.response = response;
            return this;
        }

        public FakeNode logs(String logs) {
            this.logs = logs;
            return this;
        }

        /** Answer every execute with this reply instead of validating. */
        public FakeNode executeReply(Reply reply) {
            this.executeOverride = reply;
            return this;
        }

        /** Answer every {@code /web/pkp/sign/v1} with this reply (the fake does not validate those). */
        public FakeNode pkpSignReply(Reply reply) {
            this.pkpSignReply = reply;
            return this;
        }

        private void handle(HttpExchange ex) throws IOException {
            Recorded r = record(ex);
            requests.add(r);
            switch (r.path()) {
                case "/web/handshake/" -> handshake(ex);
                case "/web/execute/v1" -> send(ex, execute(r));
                case "/web/pkp/sign/v1" -> send(ex, pkpSignReply);
                default -> send(ex, Reply.error(LitErrorCode.NodeRouteNotFound, "no route " + r.path()));
            }
        }

        private void handshake(HttpExchange ex) throws IOException {
            switch (handshakeMode) {
                case HANG -> {
                    try {
                        stopping.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ex.close();
                }
                case ERROR -> send(ex, Reply.error(LitErrorCode.NodeSystemFault, "boom"));
                default -> send(ex, Reply.json(handshakeAnswer(
                        handshakeMode == HandshakeMode.OTHER_KEY ? OTHER_KEY : NETWORK_KEY,
                        handshakeMode == HandshakeMode.NO_BLOCKHASH ? null : blockhash.get())));
            }
        }

        private Reply execute(Recorded r) {
            if (executeOverride != null) {
                return executeOverride;
            }
            JsonValue.JsonObject body = r.json();
            AuthSig sessionSig = AuthSig.fromJson(body.get("authSig").orElseThrow(), LitErrorCode.NodeInvalidAuthSig,
                    "authSig");
            ValidationResult result = validator.validate(sessionSig, LitResource.action(ACTION_CID),
                    LitAbility.LIT_ACTION_EXECUTION);
            if (result instanceof AuthDenied denied) {
                return Reply.error(denied.code(), denied.check() + ": " + denied.message());
            }
            return Reply.json(JsonValue.object().put("success", new JsonValue.JsonBoolean(true))
                    .put("signedData", JsonValue.JsonObject.empty()).put("decryptedData", JsonValue.JsonObject.empty())
                    .put("claimData", JsonValue.JsonObject.empty()).put("response", response).put("logs", logs)
                    .build());
        }
    }
}
