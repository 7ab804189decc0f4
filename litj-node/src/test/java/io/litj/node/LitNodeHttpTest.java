package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.http.internal.HandshakeEndpoint;
import io.litj.node.registry.NodeEntry;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.testing.MutableClock;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's HTTP surface on a running 2-node network ({@code lit-node-behaviour.md} §1, §1.2, §8): the handshake, the error
 * body and its correlation id, strict JSON bodies, the body size limit, unknown routes and the health route. Node 1
 * of the network is replaced by a {@link LitNode} with a 4 KiB body limit.
 */
class LitNodeHttpTest {
    private static final int SMALL_LIMIT = 4096;
    private static final Set<String> ERROR_BODY_FIELDS = Set.of("errorKind", "errorCode", "status", "message",
            "correlationId");

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static LitNode small;
    private static NodeHttp http;

    @BeforeAll
    static void startNetwork() {
        net = NodeNetwork.start(dir, 2, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
        http = net.http();
        net.stopNode(1);
        small = LitNode.builder(net.nodeConfig(1, SMALL_LIMIT)).registry(net.registry()).start();
    }

    @AfterAll
    static void stopNetwork() {
        try {
            if (small != null) {
                small.close();
            }
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    @Test
    void handshake_bothPaths_answerTheFieldsTheJsSdkReads() {
        NodeEntry self = net.registry().nodes().getFirst();
        for (String path : List.of("/web/handshake", "/web/handshake/")) {
            Reply r = http.post(net.url(0) + path, "{\"clientPublicKey\":\"test\",\"challenge\":\"0x1234\"}",
                    "X-Request-Id", "hs-" + path.length(), "X-Lit-SDK-Version", "7.4.0");

            assertEquals(200, r.status(), r::toString);
            assertEquals("", r.string("serverPublicKey"));
            String networkKey = net.networkPublicKey().toHex();
            assertEquals(networkKey, r.string("networkPublicKey"));
            assertEquals(networkKey, r.string("subnetPublicKey"));
            assertEquals(networkKey, r.string("networkPublicKeySet"));
            assertEquals(new JsonValue.JsonArray(List.of()), r.member("hdRootPubkeys"));
            assertEquals(JsonValue.JsonNull.INSTANCE, r.member("attestation"));
            assertEquals("7.4.0", r.string("clientSdkVersion"));
            assertEquals(net.registry().latestBlock().hash(), r.string("latestBlockhash"));
            assertEquals(self.identityKey(), r.string("nodeIdentityKey"));
            assertEquals(new JsonValue.JsonNumber(1), r.member("epoch"));
            assertEquals(HandshakeEndpoint.NODE_VERSION, r.string("nodeVersion"));
            assertEquals("hs-" + path.length(), r.header("X-Correlation-Id").orElseThrow());
        }
    }

    @Test
    void handshake_eachNode_reportsItsOwnIdentityKey() {
        List<NodeEntry> nodes = net.registry().nodes();
        Reply first = http.post(net.url(0) + "/web/handshake", "{\"clientPublicKey\":\"test\"}");
        Reply second = http.post(small.url() + "/web/handshake", "{\"clientPublicKey\":\"test\"}");

        assertEquals(nodes.get(0).identityKey(), first.string("nodeIdentityKey"));
        assertEquals(nodes.get(1).identityKey(), second.string("nodeIdentityKey"));
        assertNotEquals(first.string("nodeIdentityKey"), second.string("nodeIdentityKey"));
    }

    @Test
    void errorBody_xRequestId_isEchoedAsCorrelationIdInBodyAndHeader() {
        Reply r = http.post(net.url(0) + "/web/execute/v1", "{", "X-Request-Id", "req-123");

        assertEquals("req-123", r.string("correlationId"));
        assertEquals("req-123", r.header("X-Correlation-Id").orElseThrow());
    }

    @Test
    void errorBody_xCorrelationId_isEchoedAsCorrelationIdInBodyAndHeader() {
        Reply r = http.post(net.url(0) + "/web/execute/v1", "{", "X-Correlation-Id", "corr-456");

        assertEquals("corr-456", r.string("correlationId"));
        assertEquals("corr-456", r.header("X-Correlation-Id").orElseThrow());
    }

    @Test
    void errorBody_bothIdHeaders_usesXCorrelationId() {
        Reply r = http.post(net.url(0) + "/web/execute/v1", "{", "X-Request-Id", "req-1", "X-Correlation-Id",
                "corr-1");

        assertEquals("corr-1", r.string("correlationId"));
    }

    @Test
    void errorBody_idOf128AllowedCharacters_isEchoed() {
        String id = "Az09._:-".repeat(16);

        Reply r = http.post(net.url(0) + "/web/execute/v1", "{", "X-Request-Id", id);

        assertEquals(id, r.string("correlationId"));
        assertEquals(id, r.header("X-Correlation-Id").orElseThrow());
    }

    @Test
    void errorBody_unusableOrMissingId_getsAGeneratedIdInBodyAndHeader() {
        for (String[] headers : List.of(new String[0], new String[] {"X-Request-Id", "x".repeat(129)},
                new String[] {"X-Request-Id", "has space"}, new String[] {"X-Request-Id", "tilde~"},
                new String[] {"X-Request-Id", "quote\"d"})) {
            Reply r = http.post(net.url(0) + "/web/execute/v1", "{", headers);

            String id = r.string("correlationId");
            assertTrue(id.matches("litj_[0-9a-f]{1,16}"), r::toString);
            assertEquals(id, r.header("X-Correlation-Id").orElseThrow());
        }
    }

    @Test
    void post_malformedJson_422NodeBadInputWithTheFullErrorBody() {
        Reply r = http.post(net.url(0) + "/web/execute/v1", "{\"code\": ", "X-Request-Id", "bad-json");

        assertBadInput(r);
        assertEquals(ERROR_BODY_FIELDS, r.json().members().keySet());
        assertEquals("Validation", r.string("errorKind"));
        assertEquals(new JsonValue.JsonNumber(422), r.member("status"));
        assertEquals("bad-json", r.string("correlationId"));
        assertTrue(r.string("message").startsWith("request body is not valid JSON"), r::toString);
        assertEquals("application/json", r.header("Content-Type").orElseThrow());
    }

    @Test
    void post_jsonThatIsNotAnObject_422NodeBadInput() {
        for (String body : List.of("[1,2,3]", "\"text\"", "42", "null", "true")) {
            Reply r = http.post(net.url(0) + "/web/handshake", body);

            assertBadInput(r);
            assertEquals("request body must be a JSON object", r.string("message"), body);
        }
    }

    @Test
    void post_emptyBodyOrTrailingContent_422NodeBadInput() {
        assertBadInput(http.post(net.url(0) + "/web/handshake", ""));
        assertBadInput(http.post(net.url(0) + "/web/handshake", "{} {}"));
    }

    @Test
    void post_duplicateKey_422NodeBadInput() {
        assertBadInput(http.post(net.url(0) + "/web/handshake", "{\"clientPublicKey\":\"a\",\"clientPublicKey\":\"b\"}"));
    }

    @Test
    void post_bytesThatAreNotUtf8_422NodeBadInput() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};

        Reply r = http.postBytes(net.url(0) + "/web/handshake", body);

        assertBadInput(r);
        assertEquals("request body is not UTF-8", r.string("message"));
    }

    @Test
    void post_bodyExactlyAtTheLimit_isServed() {
        Reply r = http.post(small.url() + "/web/handshake", paddedHandshake(SMALL_LIMIT));

        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void post_bodyOverTheLimitWithContentLength_413NodePayloadTooLarge() {
        Reply r = http.post(small.url() + "/web/handshake", paddedHandshake(SMALL_LIMIT + 1),
                "X-Request-Id", "too-big");

        assertError(LitErrorCode.NodePayloadTooLarge, r);
        assertEquals("too-big", r.string("correlationId"));
    }

    @Test
    void post_bodyFarOverTheLimitWithContentLength_answers413() {
        Reply r = http.post(small.url() + "/web/handshake", paddedHandshake(SMALL_LIMIT * 3));

        assertEquals(413, r.status(), r::toString);
    }

    @Test
    void post_bodyFarOverTheLimitWithContentLength_413NodePayloadTooLargeErrorBody() {
        Reply r = http.post(small.url() + "/web/handshake", paddedHandshake(SMALL_LIMIT * 3),
                "X-Request-Id", "far-too-big");

        assertError(LitErrorCode.NodePayloadTooLarge, r);
        assertEquals("far-too-big", r.string("correlationId"));
        assertEquals("far-too-big", r.header("X-Correlation-Id").orElseThrow());
    }

    @Test
    void post_smallChunksAddingUpOverTheLimit_413NodePayloadTooLarge() throws IOException {
        byte[] body = paddedHandshake(SMALL_LIMIT + 2000).getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(small.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) NodeHttp.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /web/handshake HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nContent-Type: "
                    + "application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int off = 0; off < body.length; off += 500) {
                    int n = Math.min(500, body.length - off);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, off, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException e) {
                // the node answers once the limit is passed and closes without reading the rest: a write that
                // comes after that close fails ("Broken pipe"); its answer is already on the way
            }
            String answer = new String(socket.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("\"errorCode\":\"NodePayloadTooLarge\""), answer);
        }
    }

    @Test
    void post_chunkedBodyOverTheLimit_413NodePayloadTooLarge() {
        byte[] body = paddedHandshake(SMALL_LIMIT + 2000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = http.request(small.url() + "/web/handshake")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        Reply r = http.send(request);

        assertError(LitErrorCode.NodePayloadTooLarge, r);
    }

    @Test
    void post_chunkedBodyUnderTheLimit_isServed() {
        byte[] body = paddedHandshake(SMALL_LIMIT - 100).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = http.request(small.url() + "/web/handshake")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        Reply r = http.send(request);

        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void unknownRoute_404NodeRouteNotFound() {
        Reply post = http.post(net.url(0) + "/web/no/such/route", "{}", "X-Request-Id", "nf-1");
        Reply get = http.get(net.url(0) + "/web/handshake");

        assertError(LitErrorCode.NodeRouteNotFound, post);
        assertEquals("nf-1", post.string("correlationId"));
        assertEquals("no route for POST /web/no/such/route", post.string("message"));
        assertError(LitErrorCode.NodeRouteNotFound, get);
    }

    @Test
    void health_get_answersOkWithTheNodeAddress() {
        Reply r = http.get(net.url(0) + "/litj/health");

        assertEquals(200, r.status(), r::toString);
        assertEquals("ok", r.string("status"));
        assertEquals(net.registry().nodes().getFirst().address(), r.string("node"));
    }

    /** A handshake request of exactly {@code size} bytes. */
    private static String paddedHandshake(int size) {
        String head = "{\"clientPublicKey\":\"";
        String tail = "\"}";
        return head + "a".repeat(size - head.length() - tail.length()) + tail;
    }

    private static void assertBadInput(Reply r) {
        assertError(LitErrorCode.NodeBadInput, r);
    }

    private static void assertError(LitErrorCode expected, Reply r) {
        assertEquals(expected.httpStatus(), r.status(), r::toString);
        assertEquals(expected.wireName(), r.errorCode(), r::toString);
        assertEquals(expected.kind().name(), r.string("errorKind"), r::toString);
    }
}
