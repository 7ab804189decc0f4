package io.litj.node.peer.internal;

import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import io.litj.protocol.tls.TlsContexts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed envelopes to other nodes ({@code POST <node>/litj/peer/v1/dkg}, {@code …/protocol}). A message that could not be
 * delivered for a passing reason — connection refused or reset, a 5xx or 429 answer, or the peer not knowing the
 * session yet ({@code NodeResourceIdNotFound}) — is sent again, each attempt a new envelope (fresh nonce and time),
 * with a doubling pause (25 ms … 1 s), at most {@value #MAX_ATTEMPTS} attempts and never past the caller's deadline.
 * Other refusals are final. A final refusal, a message not delivered in time and a failed {@link #ask} are reported
 * by the peer's index to the {@code peerErrors} sink (the node's {@code litj_peer_errors_total}). Thread-safe.
 */
final class PeerClient implements AutoCloseable {
    static final String PATH = "/litj/peer/v1/dkg";
    static final int MAX_ATTEMPTS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final SessionKeyPair identity;
    private final int self;
    private final Clock clock;
    private final SecureRandom random;
    private final IntConsumer peerErrors;
    private final HttpClient http;

    /** A client trusting the JDK trust store alone. */
    PeerClient(SessionKeyPair identity, int self, Clock clock, SecureRandom random) {
        this(identity, self, clock, random, peer -> { }, TlsContexts.client(java.util.List.of()));
    }

    /**
     * As the other constructor, reporting each failed request by the peer's index to {@code peerErrors}, and calling
     * peers registered on port 443 over https trusting {@code peerTls}.
     */
    PeerClient(SessionKeyPair identity, int self, Clock clock, SecureRandom random, IntConsumer peerErrors,
            SSLContext peerTls) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(peerTls)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.peerErrors = peerErrors;
        this.identity = identity;
        this.self = self;
        this.clock = clock;
        this.random = random;
    }

    /** True once {@code to} accepted the DKG message; false if it refused it or the deadline passed. */
    boolean deliver(NodeEntry to, String session, String kind, String body, long deadlineNanos) {
        return deliver(to, PATH, session, kind, body, deadlineNanos);
    }

    /** True once {@code to} accepted the message at {@code path}; false if it refused it or the deadline passed. */
    boolean deliver(NodeEntry to, String path, String session, String kind, String body, long deadlineNanos) {
        long pause = 25;
        String last = "not sent";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && System.nanoTime() < deadlineNanos; attempt++) {
            Envelope e = Envelope.seal(identity, session, self, to.index(), kind, body, clock, random);
            HttpRequest request = HttpRequest.newBuilder(URI.create(to.url() + path)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsJson.stringify(e.toJson()))).build();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
                String code = errorCode(r.body());
                last = r.statusCode() + " " + code;
                boolean passing = r.statusCode() >= 500 || r.statusCode() == 429
                        || LitErrorCode.NodeResourceIdNotFound.wireName().equals(code);
                if (!passing) {
                    peerErrors.accept(to.index());
                    LOG.warn("{} {} to node {} refused: {} {}", kind, session, to.index(), last, message(r.body()));
                    return false;
                }
            } catch (IOException x) {
                last = x.getClass().getSimpleName();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return false;
            }
            long sleep = Math.min(pause, Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000));
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(1000, pause * 2);
        }
        peerErrors.accept(to.index());
        LOG.warn("{} {} to node {} not delivered before the round ended (last: {})", kind, session, to.index(), last);
        return false;
    }

    /**
     * One request to {@code to} (no retry): the answer's body if it was 200 and at most {@code maxChars} long, else
     * empty (refused, unreachable, too long; logged at debug).
     */
    java.util.Optional<String> ask(NodeEntry to, String path, String session, String kind, String body,
            int maxChars) {
        Envelope e = Envelope.seal(identity, session, self, to.index(), kind, body, clock, random);
        HttpRequest request = HttpRequest.newBuilder(URI.create(to.url() + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsJson.stringify(e.toJson()))).build();
        try {
            HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = r.body()) {
                byte[] raw = in.readNBytes(maxChars + 1);
                if (r.statusCode() != 200 || raw.length > maxChars) {
                    peerErrors.accept(to.index());
                    LOG.debug("{} to node {}: status {}, {} bytes", kind, to.index(), r.statusCode(), raw.length);
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException x) {
            peerErrors.accept(to.index());
            LOG.debug("{} to node {}: {}", kind, to.index(), x.toString());
            return java.util.Optional.empty();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static String errorCode(String body) {
        return field(body, "errorCode");
    }

    private static String message(String body) {
        return field(body, "message");
    }

    private static String field(String body, String name) {
        try {
            JsonValue v = JsonReader.parseObject(body, LitErrorCode.NodeBadInput, "peer answer").get(name)
                    .orElse(null);
            return v instanceof JsonValue.JsonString s ? s.value() : "-";
        } catch (LitProtocolException e) {
            return "-";
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
