package io.litj.node.actions;

/**
 * A refusal by an {@link ActionHost} function: the action sees an {@code Error} with this message (which must hold
 * no secret). Any other exception of a host is reported to the action as an internal error, without its message.
 */
public final class ActionHostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActionHostException(String message) {
        super(message);
    }
}
