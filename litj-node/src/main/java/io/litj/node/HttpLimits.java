package io.litj.node;

import io.litj.node.ecdsa.RunTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP limits of a node: how many connections and requests its listener takes at once, how long it keeps an idle
 * connection, how long a request may take to arrive, and how large a body each kind of route reads. A node has one
 * listener; the Lit API, the peer API and the admin API share it and these limits. Part of {@link NodeConfig} (the
 * optional fields {@code maxTcpConnections}, {@code maxConcurrentRequests}, {@code idleTimeoutMs},
 * {@code readTimeoutMs}); the body limits are fixed here, except {@code /web/execute}'s, which is
 * {@link NodeConfig#maxBodyBytes()}. Immutable.
 *
 * <p>Security: together these bound what one client can hold without doing any work for the node. A connection that
 * sends nothing is closed after {@code idleTimeout}; a request whose headers and body (from the end of its first
 * line to its last body byte) have not arrived within {@code readTimeout} has its connection closed, so a stalled or
 * trickled request ("slowloris") holds a connection and a request slot for at most that long. Connections beyond
 * {@code maxTcpConnections} are not accepted (they wait in the kernel's backlog until one closes); requests beyond
 * {@code maxConcurrentRequests} are refused at once with {@code NodeConcurrencyOverload}.
 *
 * @param maxTcpConnections     open connections the listener serves at once, 1..{@value #MAX_CONNECTIONS}
 * @param maxConcurrentRequests requests in progress at once (reading, working or answering),
 *     1..{@value #MAX_CONNECTIONS}
 * @param idleTimeout           how long a connection may wait for its next request (or its first line), 1 s..1 h
 * @param readTimeout           how long a request's headers and body may take to arrive, 100 ms..10 min
 */
public record HttpLimits(int maxTcpConnections, int maxConcurrentRequests, Duration idleTimeout,
        Duration readTimeout) {
    /** Body limit of every Lit API route except {@code /web/execute} (handshake, sign_session_key, …): 1 MiB. */
    public static final long API_BODY_BYTES = 1L << 20;
    /** Body limit of the node-to-node routes: 256 KiB, about 5 times a DKG round-1 envelope for 256 nodes. */
    public static final long PEER_BODY_BYTES = 256L << 10;
    /**
     * Body limit of the protocol-run route ({@code /litj/peer/v1/protocol}): three times the largest run payload
     * ({@link RunTransport#MAX_PAYLOAD_BYTES}), room for it sealed to its recipient (hex doubles it) inside its
     * signed envelope.
     */
    public static final long PROTOCOL_BODY_BYTES = 3L * RunTransport.MAX_PAYLOAD_BYTES;
    /** Body limit of {@code /web/pkp/sign}: 64 KiB (a digest, a key and one session sig). */
    public static final long PKP_SIGN_BODY_BYTES = 64L << 10;
    /**
     * Body limit of {@code /web/encryption/sign} and {@code /web/signing/access_control_condition}: 256 KiB (up to
     * 30 conditions, EVM-contract ABIs included, and one session sig).
     */
    public static final long ACC_BODY_BYTES = 256L << 10;
    /**
     * Body limit of {@code /web/revoke}: 64 KiB (a grant of at most 16 Ki characters, JSON-escaped, the revocation
     * text and a signature).
     */
    public static final long REVOKE_BODY_BYTES = 64L << 10;
    /** Body limit of the admin routes (small commands): 64 KiB. */
    public static final long ADMIN_BODY_BYTES = 64L << 10;

    /** Default connection limit. */
    public static final int DEFAULT_MAX_TCP_CONNECTIONS = 512;
    /** Default request limit. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
    /** Default idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Default read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    static final int MAX_CONNECTIONS = 65_536;
    static final Set<String> FIELDS = Set.of("maxTcpConnections", "maxConcurrentRequests", "idleTimeoutMs",
            "readTimeoutMs");
    private static final Duration MIN_IDLE = Duration.ofSeconds(1);
    private static final Duration MAX_IDLE = Duration.ofHours(1);
    private static final Duration MIN_READ = Duration.ofMillis(100);
    private static final Duration MAX_READ = Duration.ofMinutes(10);

    /** @throws LitNodeException {@code InvalidArgument} if a value lies outside its range */
    public HttpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        inRange("maxTcpConnections", maxTcpConnections, 1, MAX_CONNECTIONS);
        inRange("maxConcurrentRequests", maxConcurrentRequests, 1, MAX_CONNECTIONS);
        inRange("idleTimeoutMs", idleTimeout.toMillis(), MIN_IDLE.toMillis(), MAX_IDLE.toMillis());
        inRange("readTimeoutMs", readTimeout.toMillis(), MIN_READ.toMillis(), MAX_READ.toMillis());
    }

    /** 512 connections, 256 requests, 60 s idle, 30 s to read a request. */
    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_TCP_CONNECTIONS, DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    /**
     * How often the listener looks for idle connections: a quarter of {@link #idleTimeout}, so a connection is closed
     * at most 25 % late (Helidon refreshes a connection's last-use time once a second, hence the 1 s minimum).
     */
    public Duration idleCheckPeriod() {
        return idleTimeout.dividedBy(4);
    }

    /** The limits in a node config's JSON members; absent members take their defaults. */
    static HttpLimits read(JsonFields f) {
        return new HttpLimits(
                f.has("maxTcpConnections") ? intField(f, "maxTcpConnections") : DEFAULT_MAX_TCP_CONNECTIONS,
                f.has("maxConcurrentRequests") ? intField(f, "maxConcurrentRequests") : DEFAULT_MAX_CONCURRENT_REQUESTS,
                f.has("idleTimeoutMs") ? Duration.ofMillis(f.integer("idleTimeoutMs")) : DEFAULT_IDLE_TIMEOUT,
                f.has("readTimeoutMs") ? Duration.ofMillis(f.integer("readTimeoutMs")) : DEFAULT_READ_TIMEOUT);
    }

    /** Adds the limits to a node config's JSON. */
    void write(JsonValue.ObjectBuilder b) {
        b.put("maxTcpConnections", new JsonValue.JsonNumber(maxTcpConnections))
                .put("maxConcurrentRequests", new JsonValue.JsonNumber(maxConcurrentRequests))
                .put("idleTimeoutMs", new JsonValue.JsonNumber(idleTimeout.toMillis()))
                .put("readTimeoutMs", new JsonValue.JsonNumber(readTimeout.toMillis()));
    }

    private static int intField(JsonFields f, String name) {
        long v = f.integer(name);
        inRange(name, v, 1, MAX_CONNECTIONS);
        return (int) v;
    }

    private static void inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, name + " must be in [" + min + ", " + max
                    + "] but is " + value);
        }
    }
}
