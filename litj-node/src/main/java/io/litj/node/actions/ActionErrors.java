package io.litj.node.actions;

import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.LitErrorCode;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed execution into an {@link ActionException} with Lit's JS error codes and a message for the caller:
 * the JS error text and, where known, its line and column in the action source; never a Java stack trace. Must be
 * called while the context is still open (reading a thrown value needs it). Stateless.
 */
final class ActionErrors {
    /** The name the action source carries in stack traces and locations. */
    static final String SOURCE_NAME = "lit-action.js";

    private static final Logger LOG = LoggerFactory.getLogger(ActionErrors.class);
    /** How GraalJS reports an unhandled rejection whose reason is not an Error. */
    private static final String REJECTION_PREFIX = "Error: Unhandled promise rejection: ";
    private static final Pattern SYNTAX_PREFIX = Pattern.compile("^(SyntaxError: )?\\S+:\\d+:\\d+ (.*)$");

    private ActionErrors() {
    }

    /**
     * Maps a failure of the action's JavaScript.
     *
     * @param e what GraalJS threw
     * @param reason why the watchdog or caller cancelled the execution, or null
     * @param limits the runtime's limits, for the messages
     * @param logs console output so far
     * @param describe renders a thrown value inside the still-open context, or returns null for an Error (whose
     *     GraalJS message is used)
     */
    static ActionException fromPolyglot(PolyglotException e, CancelReason reason, ActionLimits limits, String logs,
            Function<Value, String> describe) {
        if (reason != null) {
            return cancelled(reason, limits, logs);
        }
        if (e.isResourceExhausted() && e.isCancelled()) {
            return new ActionException(LitErrorCode.NodeJsTimeoutError,
                    "Lit Action exceeded its limit of " + limits.maxStatements() + " JavaScript statements", logs);
        }
        if (e.isResourceExhausted()) {
            return new ActionException(LitErrorCode.NodeJsMemoryLimitError,
                    "Lit Action ran out of memory: " + firstLine(e.getMessage()), logs);
        }
        if (e.isCancelled() || e.isInterrupted()) {
            return new ActionException(LitErrorCode.NodeJsTimeoutError, "Lit Action was cancelled", logs);
        }
        if (e.isSyntaxError() && !e.isGuestException()) {
            return syntaxError(e, logs);
        }
        if (e.isHostException() || e.isInternalError() || !e.isGuestException()) {
            LOG.warn("Lit Action failed inside the JS engine ({}host, {}internal)", e.isHostException() ? "" : "not ",
                    e.isInternalError() ? "" : "not ");
            return new ActionException(LitErrorCode.NodeJsExecutionError,
                    "Lit Action failed: internal error in the JavaScript engine", logs);
        }
        if (e.isSyntaxError()) {
            return syntaxError(e, logs);
        }
        return new ActionException(LitErrorCode.NodeJsExecutionError,
                "Uncaught " + thrownText(e, describe) + where(e), logs);
    }

    /** Maps a cancellation from outside, whatever exception it surfaced as. */
    static ActionException cancelled(CancelReason reason, ActionLimits limits, String logs) {
        return switch (reason) {
            case TIMEOUT -> new ActionException(LitErrorCode.NodeJsTimeoutError,
                    "Lit Action timed out after " + limits.timeout().toMillis() + " ms", logs);
            case MEMORY -> new ActionException(LitErrorCode.NodeJsMemoryLimitError,
                    "Lit Action stopped: the node is short of memory and this action allocated the most", logs);
            case SHUTDOWN -> new ActionException(LitErrorCode.NodeSystemFault,
                    "Lit Action cancelled: the action runtime is shutting down", logs);
            case CALLER_GONE -> new ActionException(LitErrorCode.NodeJsExecutionError,
                    "Lit Action cancelled: the request was abandoned", logs);
        };
    }

    /** A JVM error on the action thread outside GraalJS's own handling. */
    static ActionException fromJvmError(Throwable t, String logs) {
        if (t instanceof OutOfMemoryError) {
            return new ActionException(LitErrorCode.NodeJsMemoryLimitError, "Lit Action ran out of memory", logs);
        }
        // a litj or engine bug; a PolyglotException's text can quote the action's own error, so only its type
        LOG.warn("Lit Action thread failed: {}", t instanceof PolyglotException ? t.getClass().getName()
                : t.toString());
        return new ActionException(LitErrorCode.NodeJsExecutionError,
                "Lit Action failed: internal error in the JavaScript engine", logs);
    }

    private static ActionException syntaxError(PolyglotException e, String logs) {
        String text = firstLine(e.getMessage());
        Matcher m = SYNTAX_PREFIX.matcher(text);
        if (m.matches()) {
            text = "SyntaxError: " + m.group(2);
        } else if (!text.startsWith("SyntaxError")) {
            text = "SyntaxError: " + text;
        }
        SourceSection at = e.getSourceLocation();
        String location = inActionSource(at) ? lineAndColumn(at) : where(e);
        return new ActionException(LitErrorCode.NodeJsExecutionError, text + location, logs);
    }

    private static String thrownText(PolyglotException e, Function<Value, String> describe) {
        try {
            Value thrown = e.getGuestObject();
            String described = thrown == null ? null : describe.apply(thrown);
            if (described != null) {
                return described;
            }
        } catch (RuntimeException ignored) {
            // the context is unusable, or describing ran user code (a getter, a proxy trap) that failed: fall back
        }
        String message = e.getMessage();
        if (message == null || message.isEmpty()) {
            return "Error";
        }
        return message.startsWith(REJECTION_PREFIX) ? "(in promise) " + message.substring(REJECTION_PREFIX.length())
                : message;
    }

    /** {@code " (line L, column C)"} of the innermost frame in the action source, or "" if none is known. */
    private static String where(PolyglotException e) {
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (frame.isGuestFrame() && inActionSource(at)) {
                return lineAndColumn(at);
            }
        }
        return "";
    }

    private static boolean inActionSource(SourceSection at) {
        return at != null && at.isAvailable() && SOURCE_NAME.equals(at.getSource().getName());
    }

    private static String lineAndColumn(SourceSection at) {
        return " (line " + at.getStartLine() + ", column " + at.getStartColumn() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
