package io.litj.node.actions;

import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.LitErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed execution into an {@link ActionException} with Lit's JS error codes and a message for the caller:
 * the JS error text and, where known, its line and column in the action source; never a Java stack trace.
 *
 * <p>Error text (a thrown value, an error's name and message, a rejection reason, a syntax error) longer than its
 * budget ({@link ActionLimits#maxErrorTextBytes()}, UTF-8) is cut on a character boundary and followed by
 * {@link #truncationMarker}. The prelude already cuts what an action throws inside the context, so no more than
 * the budget in characters ever crosses into Java; the cut here makes it exact in bytes, and bounds the texts
 * GraalJS itself writes. Must be called while the context is still open (reading a report needs it). Stateless.
 */
final class ActionErrors {
    /** The name the action source carries in stack traces and locations. */
    static final String SOURCE_NAME = "lit-action.js";

    private static final Logger LOG = LoggerFactory.getLogger(ActionErrors.class);
    private static final Pattern SYNTAX_PREFIX = Pattern.compile("^(SyntaxError: )?\\S+:\\d+:\\d+ (.*)$");

    private ActionErrors() {
    }

    /** What follows error text cut to {@code budgetBytes}. */
    static String truncationMarker(int budgetBytes) {
        return "… [error text truncated to " + budgetBytes + " bytes]";
    }

    /**
     * Maps what the action threw, or the first unhandled rejection, as the prelude reported it: {@code "Uncaught "},
     * then {@code "(in promise) "} for a rejection whose reason is not an Error, the text (cut and marked if over
     * the budget), and the location of an Error in the action source.
     */
    static ActionException uncaught(Value report, ActionLimits limits, String logs) {
        boolean error = report.getMember("error").asBoolean();
        boolean promise = report.getMember("promise").asBoolean();
        String text = report.getMember("text").asString();
        boolean cut = report.getMember("cut").asBoolean();
        int line = report.getMember("line").asInt();
        int column = report.getMember("column").asInt();
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return new ActionException(LitErrorCode.NodeJsExecutionError, "Uncaught " + (promise && !error
                ? "(in promise) " : "") + withinBudget(text, cut, limits) + where, logs);
    }

    /**
     * Maps a failure that GraalJS raised outside the action's own throws: cancellation, limits, syntax errors,
     * engine faults, and errors of the prelude's setup (such as params that cannot become globals).
     *
     * @param e what GraalJS threw
     * @param reason why the watchdog or caller cancelled the execution, or null
     * @param limits the runtime's limits, for the messages and the error text budget
     * @param logs console output so far
     */
    static ActionException fromPolyglot(PolyglotException e, CancelReason reason, ActionLimits limits, String logs) {
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
            return syntaxError(e, limits, logs);
        }
        if (e.isHostException() || e.isInternalError() || !e.isGuestException()) {
            LOG.warn("Lit Action failed inside the JS engine ({}host, {}internal)", e.isHostException() ? "" : "not ",
                    e.isInternalError() ? "" : "not ");
            return new ActionException(LitErrorCode.NodeJsExecutionError,
                    "Lit Action failed: internal error in the JavaScript engine", logs);
        }
        if (e.isSyntaxError()) {
            return syntaxError(e, limits, logs);
        }
        String message = e.getMessage();
        return new ActionException(LitErrorCode.NodeJsExecutionError, "Uncaught " + withinBudget(
                message == null || message.isEmpty() ? "Error" : message, false, limits) + where(e), logs);
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

    private static ActionException syntaxError(PolyglotException e, ActionLimits limits, String logs) {
        String text = firstLine(e.getMessage());
        Matcher m = SYNTAX_PREFIX.matcher(text);
        if (m.matches()) {
            text = "SyntaxError: " + m.group(2);
        } else if (!text.startsWith("SyntaxError")) {
            text = "SyntaxError: " + text;
        }
        SourceSection at = e.getSourceLocation();
        String location = inActionSource(at) ? lineAndColumn(at) : where(e);
        return new ActionException(LitErrorCode.NodeJsExecutionError, withinBudget(text, false, limits) + location,
                logs);
    }

    /** {@code text} cut to the budget, followed by the marker when it was cut here or before ({@code cut}). */
    private static String withinBudget(String text, boolean cut, ActionLimits limits) {
        int budget = limits.maxErrorTextBytes();
        String kept = Utf8.prefix(text, budget);
        return cut || kept.length() < text.length() ? kept + truncationMarker(budget) : text;
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
