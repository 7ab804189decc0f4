package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception family of {@code litj-client}: a client-side {@link LitErrorCode} ({@code ClientNotReady},
 * {@code NetworkError}, {@code InvalidEthBlockhash}, {@code InvalidArgument}, {@code NodeError},
 * {@code InvalidSessionSigs}, {@code WalletSignatureNotFound}, {@code InvalidSignature}, {@code InitError}) and,
 * when nodes answered with errors or not at all, one {@link NodeFailure} per failing node.
 *
 * <p>Messages say which node and what happened; they never contain secrets, request bodies or session sigs.
 */
public class LitClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LitErrorCode code;
    private final transient List<NodeFailure> nodeFailures;

    public LitClientException(LitErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public LitClientException(LitErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public LitClientException(LitErrorCode code, String message, List<NodeFailure> nodeFailures) {
        this(code, message, nodeFailures, null);
    }

    private LitClientException(LitErrorCode code, String message, List<NodeFailure> nodeFailures, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.nodeFailures = List.copyOf(nodeFailures);
    }

    /** The same failure as a client exception (code and message kept). */
    static LitClientException from(LitProtocolException e) {
        return new LitClientException(e.code(), e.getMessage(), e);
    }

    /** The error code of this failure. */
    public LitErrorCode code() {
        return code;
    }

    /** The nodes that failed, most common node error code first; empty if no node was involved. */
    public List<NodeFailure> nodeFailures() {
        return nodeFailures == null ? List.of() : nodeFailures; // null only after deserialization
    }

    /** The most common {@code errorCode} the nodes answered with (ties: the first listed), if any node sent one. */
    public Optional<String> nodeErrorCode() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeFailure f : nodeFailures()) {
            f.errorCode().ifPresent(c -> counts.merge(c, 1, Integer::sum));
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code.wireName() + "]: " + getMessage();
    }
}
