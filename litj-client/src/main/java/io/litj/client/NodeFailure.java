package io.litj.client;

import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.CapabilityFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong on one node: its URL, the HTTP status ({@code 0} when no HTTP answer came: unreachable, timed out),
 * the node's {@code errorCode} if its error body had one, a message, and the body's {@code details}.
 *
 * <p>Immutable. Messages hold what the node said (cut to a few hundred characters), never request bodies.
 *
 * @param nodeUrl the node URL as the client holds it
 * @param httpStatus the HTTP status, or 0 without an HTTP answer
 * @param errorCode the {@code errorCode} of the node's error body, e.g. {@code NodeNotAuthorized}
 * @param message the node's {@code message}, or a description of the transport failure
 * @param details the node's {@code details} lines (empty if none)
 * @param logs the {@code console} output of a Lit Action that failed on this node, as its error body's {@code logs}
 *     carried it (empty if none)
 */
public record NodeFailure(String nodeUrl, int httpStatus, Optional<String> errorCode, String message,
                          List<String> details, String logs) {
    public NodeFailure {
        Objects.requireNonNull(nodeUrl, "nodeUrl");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(logs, "logs");
        details = List.copyOf(details);
    }

    /** A failure without Lit Action logs. */
    public NodeFailure(String nodeUrl, int httpStatus, Optional<String> errorCode, String message,
                       List<String> details) {
        this(nodeUrl, httpStatus, errorCode, message, details, "");
    }

    /** A failure without an HTTP answer (connection refused, timeout, bad TLS). */
    public static NodeFailure unreachable(String nodeUrl, String message) {
        return new NodeFailure(nodeUrl, 0, Optional.empty(), message, List.of());
    }

    /**
     * The node's check that refused the request, read from the first {@code details} line ({@code <Check>: …}, as
     * litj nodes write it); empty when the node named none.
     */
    public Optional<String> check() {
        return AuthDenied.checkOf(details);
    }

    /**
     * Why each capability of the session sig failed on this node, read from the {@code details} lines in the
     * {@code capabilities[i] <Check> <code>: <message>} form (other lines are skipped; at most 64 are read).
     */
    public List<CapabilityFailure.Detail> capabilityReasons() {
        return details.stream().limit(64).map(CapabilityFailure::parseDetail).flatMap(Optional::stream).toList();
    }

    /** True if the node gave no HTTP answer. */
    public boolean unreachable() {
        return httpStatus == 0;
    }

    /** One line: {@code <url>: <status> <errorCode>: <message>}. */
    public String describe() {
        StringBuilder b = new StringBuilder(nodeUrl).append(": ");
        if (httpStatus != 0) {
            b.append("HTTP ").append(httpStatus).append(' ');
        }
        errorCode.ifPresent(c -> b.append(c).append(' '));
        b.append(message);
        return b.toString();
    }
}
