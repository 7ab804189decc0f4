package io.litj.protocol;

/**
 * A state that only a bug in litj can reach (on the wire: {@code NodeSystemFault}). Never thrown for bad input.
 */
public final class LitBugException extends LitProtocolException {
    private static final long serialVersionUID = 1L;

    public LitBugException(String message, Throwable cause) {
        super(LitErrorCode.NodeSystemFault, message, cause);
    }

    public LitBugException(String message) {
        super(LitErrorCode.NodeSystemFault, message);
    }
}
