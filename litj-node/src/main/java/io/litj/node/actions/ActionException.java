package io.litj.node.actions;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A Lit Action that was refused or did not finish, with the console output it produced before that
 * ({@code lit-node-behaviour.md} §1.8: JS failures carry {@code logs}).
 *
 * <p>Codes: {@link LitErrorCode#NodeJsTimeoutError} (wall-clock timeout or statement limit),
 * {@link LitErrorCode#NodeJsMemoryLimitError} (heap exhausted or the heap guard stopped it),
 * {@link LitErrorCode#NodeJsExecutionError} (uncaught JS error, syntax error, unhandled rejection, response too
 * long, unusable params), {@link LitErrorCode#NodeBadInput} (code or params over their size limit, refused before
 * running), {@link LitErrorCode#NodeConcurrencyOverload} (HTTP 429: every slot of the node taken, or the caller
 * already holds its share).
 *
 * <p>The message is meant for the caller: the JS error text with its line, never a Java stack trace; the text is
 * cut to the error text budget ({@link ActionLimits#maxErrorTextBytes()}) and marked when longer.
 */
public final class ActionException extends LitNodeException {
    private static final long serialVersionUID = 1L;

    private final String logs;

    public ActionException(LitErrorCode code, String message, String logs) {
        this(code, message, logs, List.of(), null);
    }

    private ActionException(LitErrorCode code, String message, String logs, List<String> details, Throwable cause) {
        super(code, message, details, cause);
        this.logs = Objects.requireNonNull(logs, "logs");
    }

    /** The same failure, logs kept, refused by {@code check} (see {@link LitNodeException#refusedBy}). */
    @Override
    public ActionException refusedBy(String check) {
        return new ActionException(code(), getMessage(), logs, detailsNaming(check), this);
    }

    /** Console output captured before the failure; {@code ""} when the action never ran. */
    public String logs() {
        return logs;
    }
}
