package io.litj.protocol;

import java.util.Objects;

/**
 * The one exception family of {@code litj-protocol}: input that is malformed or refused, with its
 * {@link LitErrorCode}. Messages name the field and say expected and actual values; they never contain secrets.
 */
public class LitProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LitErrorCode code;

    public LitProtocolException(LitErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public LitProtocolException(LitErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The error code of this failure. */
    public LitErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code.wireName() + "]: " + getMessage();
    }
}
