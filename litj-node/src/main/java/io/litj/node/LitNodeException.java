package io.litj.node;

import io.litj.protocol.LitErrorCode;
import java.util.ArrayList;
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

    /**
     * This failure as the refusal of the named check of a pipeline (such as {@code sign_session_key}'s): the same
     * code and message, with {@code "<check>: <message>"} as the first line of {@code details}, as a refused session
     * sig names its check; this exception becomes the cause. Subclasses that carry more (an
     * {@link io.litj.node.actions.ActionException}'s logs) override it to keep their class and data.
     */
    public LitNodeException refusedBy(String check) {
        return new LitNodeException(code, getMessage(), detailsNaming(check), this);
    }

    /** {@link #details()} after a first line naming {@code check}, for {@link #refusedBy} of subclasses. */
    protected final List<String> detailsNaming(String check) {
        List<String> out = new ArrayList<>();
        out.add(Objects.requireNonNull(check, "check") + ": " + getMessage());
        out.addAll(details);
        return out;
    }
}
