package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.HttpLimits;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.RawConnection;
import io.litj.node.testing.SingleNode;
import io.litj.protocol.LitErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Body limits per route, on a running node whose {@code maxBodyBytes} is 2 MiB: every Lit API route but
 * {@code /web/execute} reads at most {@link HttpLimits#API_BODY_BYTES}, {@code /web/execute} up to
 * {@code maxBodyBytes}, the peer and admin routes their own limits; a declared or chunked body over the limit is
 * {@code NodePayloadTooLarge} naming the limit, and a body the node refuses or does not read is never drained.
 */
class BodyReaderTest {
    private static final long MIB = 1L << 20;
    private static final long NODE_LIMIT = 2 * MIB;

    @TempDir
    static Path dir;

    private static SingleNode node;
    private static NodeHttp http;

    @BeforeAll
    static void start() {
        node = SingleNode.start(dir, NODE_LIMIT, HttpLimits.defaults());
        http = new NodeHttp();
    }

    @AfterAll
    static void stop() {
        try {
            if (http != null) {
                http.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void handshake_bodyOfExactlyOneMiB_isServed() {
        Reply r = http.post(node.url() + "/web/handshake", padded("clientPublicKey", HttpLimits.API_BODY_BYTES));

        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void handshake_bodyOneByteOverOneMiB_413NamingTheRoutesLimit() {
        Reply r = http.post(node.url() + "/web/handshake", padded("clientPublicKey", HttpLimits.API_BODY_BYTES + 1));

        assertError(LitErrorCode.NodePayloadTooLarge, r);
        assertEquals("request body of POST /web/handshake is larger than its limit of 1048576 bytes (1048577+)",
                r.string("message"));
    }

    @Test
    void signSessionKey_chunkedBodyOverOneMiB_413BeforeTheBodyEnds() {
        byte[] body = padded("sessionKey", HttpLimits.API_BODY_BYTES + 64 * 1024).getBytes(StandardCharsets.UTF_8);
        try (RawConnection c = RawConnection.open(node.uri())) {
            c.send("POST /web/sign_session_key/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            int sent = 0;
            for (; sent < HttpLimits.API_BODY_BYTES + 1; sent += 4096) {
                c.send((Integer.toHexString(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                c.send(java.util.Arrays.copyOfRange(body, sent, sent + 4096));
                c.send("\r\n");
            }

            RawConnection.Answer a = c.readAnswer();

            assertEquals(413, a.status(), a::toString);
            assertTrue(a.body().contains("\"errorCode\":\"NodePayloadTooLarge\""), a::toString);
            assertTrue(a.body().contains("its limit of 1048576 bytes"), a::toString);
            assertEquals("close", a.header("Connection").orElse(""), a::toString);
            c.awaitClosedByNode();
        }
    }

    @Test
    void execute_bodyOverOneMiB_isReadUpToMaxBodyBytes() {
        Reply r = http.post(node.url() + "/web/execute", padded("pad", NODE_LIMIT));

        assertError(LitErrorCode.NodeInvalidIPFSID, r);
    }

    @Test
    void execute_bodyOverMaxBodyBytes_413NamingMaxBodyBytes() {
        Reply r = http.post(node.url() + "/web/execute/v1", padded("pad", NODE_LIMIT + 1));

        assertError(LitErrorCode.NodePayloadTooLarge, r);
        assertTrue(r.string("message").contains("its limit of 2097152 bytes"), r::toString);
    }

    @Test
    void peerDkg_bodyAtItsLimit_readAndRefusedForItsContent() {
        Reply r = http.post(node.url() + "/litj/peer/v1/dkg", padded("pad", HttpLimits.PEER_BODY_BYTES));

        assertError(LitErrorCode.NodeBadInput, r);
    }

    @Test
    void peerDkg_bodyOverItsLimit_413() {
        Reply r = http.post(node.url() + "/litj/peer/v1/dkg", padded("pad", HttpLimits.PEER_BODY_BYTES + 1));

        assertError(LitErrorCode.NodePayloadTooLarge, r);
        assertTrue(r.string("message").contains("its limit of 262144 bytes"), r::toString);
    }

    @Test
    void adminDkg_bodyAtItsLimit_readAndRefusedForTheMissingToken() {
        Reply r = http.post(node.url() + "/litj/admin/v1/dkg", padded("pad", HttpLimits.ADMIN_BODY_BYTES));

        assertError(LitErrorCode.NodeNotAuthorized, r);
    }

    @Test
    void adminDkgStatus_bodyOverItsLimit_413() {
        Reply r = http.post(node.url() + "/litj/admin/v1/dkg/status", padded("pad", HttpLimits.ADMIN_BODY_BYTES + 1));

        assertError(LitErrorCode.NodePayloadTooLarge, r);
        assertTrue(r.string("message").contains("its limit of 65536 bytes"), r::toString);
    }

    @Test
    void unknownRoute_withABodyNotYetSent_answers404AndClosesWithoutWaitingForIt() {
        try (RawConnection c = RawConnection.open(node.uri())) {
            c.send("POST /web/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"a\":");

            RawConnection.Answer a = c.readAnswer();

            assertEquals(404, a.status(), a::toString);
            assertEquals("close", a.header("Connection").orElse(""), a::toString);
            c.awaitClosedByNode();
        }
    }

    @Test
    void routeWithoutBody_sentABody_answersAndClosesWithoutWaitingForIt() {
        try (RawConnection c = RawConnection.open(node.uri())) {
            c.send("GET /litj/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{");

            RawConnection.Answer a = c.readAnswer();

            assertEquals(200, a.status(), a::toString);
            assertEquals("close", a.header("Connection").orElse(""), a::toString);
            c.awaitClosedByNode();
        }
    }

    /** A JSON object of exactly {@code size} bytes: {@code {"<name>":"aaa…"}}. */
    private static String padded(String name, long size) {
        String head = "{\"" + name + "\":\"";
        String tail = "\"}";
        return head + "a".repeat((int) size - head.length() - tail.length()) + tail;
    }

    private static void assertError(LitErrorCode expected, Reply r) {
        assertEquals(expected.httpStatus(), r.status(), r::toString);
        assertEquals(expected.wireName(), r.errorCode(), r::toString);
    }
}
