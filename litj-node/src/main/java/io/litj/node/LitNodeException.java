package io.litj.node;

import io.litj.protocol.LitErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * The exception family of {@code litj-node}: a request refused or failed with a {@link LitErrorCode}, turned into the
 * node error body {@code {errorKind, errorCode, status, message, correlationId, details}} in one place.
 */
public class LitNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LitErrorCode code;
    private final List<String> details;

    public LitNodeException(LitErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public LitNodeException(LitErrorCode code, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = List.copyOf(details);
    }

    public LitErrorCode code() {
        return code;
    }

    /** Extra lines for the error body's {@code details}. */
    public List<String> details() {
        return details;
    }
}
