package io.litj.node.actions;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every Lit Action execution of one {@link ActionRuntime} runs under: the one home of every action
 * limit. Defaults follow the Datil node ({@code lit-node-behaviour.md} §13): 30 s, 16 MiB of code, 100 KiB of
 * response and of console output.
 *
 * <p>Immutable; the compact constructor refuses values outside the hard bounds below (no limit can be switched
 * off). Change one value with the {@code with…} methods, e.g.
 * {@code ActionLimits.defaults().withTimeout(Duration.ofSeconds(5))}.
 *
 * <p>Security: GraalJS Community has no per-context heap limit, so memory is bounded indirectly: code, params,
 * response, log and error-text budgets, the statement limit, the timeout, and the runtime's heap guard, which stops
 * the heaviest allocators when more than 70 % of the heap stays in use (see {@link ActionRuntime}). The slots bound
 * how many executions a node runs at once and the per-caller share keeps one caller from taking them all; both count
 * per node, and neither stops a caller who uses many identities (capacity credits would).
 *
 * @param timeout wall-clock budget of one execution; more than 0 and at most {@link #MAX_TIMEOUT}
 * @param maxStatements JS statements one execution may run (GraalJS {@code ResourceLimits.statementLimit}); stops a
 *     busy loop long before the timeout; at least {@link #MIN_STATEMENTS}
 * @param maxCodeBytes UTF-8 size of the action source; larger code is refused before it runs; 1 B to 64 MiB
 * @param maxParamsBytes size of {@code jsParams} as JSON text; larger params are refused; 2 B to 64 MiB
 * @param maxResponseBytes UTF-8 size of what {@code setResponse} may set; a larger response fails the action
 *     ("Response is too long. Max length is N bytes"); also the budget of the error text an error body quotes (see
 *     {@link #maxErrorTextBytes()}); 1 B to 64 MiB
 * @param maxLogBytes console output kept per execution; the rest is cut and marked, not an error; 0 to 64 MiB
 * @param maxConcurrent execution slots of one node's runtime: executions running at the same time; one more is
 *     refused with {@code NodeConcurrencyOverload}; 1 to 4096
 * @param callerSharePercent the share of {@code maxConcurrent} one caller may hold at once, in percent (see
 *     {@link #maxConcurrentPerCaller()}); one more from that caller is refused with {@code NodeConcurrencyOverload};
 *     1 to 100 (100: no fairness rule)
 * @param preparedContexts sandboxed contexts one node's runtime keeps built ahead of time, the prelude's
 *     request-independent part already run, so that a request does not wait for one; each is used by one execution
 *     only; 0 to 64 (0: every execution builds its own context); not a limit on executions
 */
public record ActionLimits(Duration timeout, long maxStatements, int maxCodeBytes, int maxParamsBytes,
        int maxResponseBytes, int maxLogBytes, int maxConcurrent, int callerSharePercent, int preparedContexts) {

    /** The longest timeout a runtime accepts. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** The fewest statements a runtime accepts: the prelude that sets up the globals runs some too. */
    public static final long MIN_STATEMENTS = 100_000;

    /** The smallest error text budget, whatever the response budget: enough for any message litj writes. */
    public static final int MIN_ERROR_TEXT_BYTES = 1024;

    private static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final int MAX_CONCURRENT = 4096;
    private static final int MAX_PREPARED_CONTEXTS = 64;

    public ActionLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be more than 0 and at most " + MAX_TIMEOUT + ", got "
                    + timeout);
        }
        if (maxStatements < MIN_STATEMENTS) {
            throw new IllegalArgumentException("maxStatements must be at least " + MIN_STATEMENTS + ", got "
                    + maxStatements);
        }
        checkRange("maxCodeBytes", maxCodeBytes, 1, MAX_BYTES);
        checkRange("maxParamsBytes", maxParamsBytes, 2, MAX_BYTES);
        checkRange("maxResponseBytes", maxResponseBytes, 1, MAX_BYTES);
        checkRange("maxLogBytes", maxLogBytes, 0, MAX_BYTES);
        checkRange("maxConcurrent", maxConcurrent, 1, MAX_CONCURRENT);
        checkRange("callerSharePercent", callerSharePercent, 1, 100);
        checkRange("preparedContexts", preparedContexts, 0, MAX_PREPARED_CONTEXTS);
    }

    /**
     * The Datil defaults: 30 s, 50,000,000 statements (a busy loop stops after well under a second compiled, a few
     * seconds interpreted), code 16 MiB, params 1 MiB, response (and error text) 100 KiB, logs 100 KiB, 64
     * execution slots per node of which one caller may hold a quarter (16), 4 prepared contexts per node.
     */
    public static ActionLimits defaults() {
        return new ActionLimits(Duration.ofSeconds(30), 50_000_000L, 16 * 1024 * 1024, 1024 * 1024, 100 * 1024,
                100 * 1024, 64, 25, 4);
    }

    /**
     * The slots one caller may hold at once: {@code maxConcurrent × callerSharePercent / 100}, rounded down, at
     * least 1 (64 slots at 25 %: 16).
     */
    public int maxConcurrentPerCaller() {
        return Math.max(1, (int) ((long) maxConcurrent * callerSharePercent / 100));
    }

    /**
     * The UTF-8 budget of the text a failed action's error quotes (a thrown value, an error's name and message, a
     * rejection reason, a syntax error): {@code maxResponseBytes}, but at least {@value #MIN_ERROR_TEXT_BYTES}.
     * Longer text is cut on a character boundary and marked; Datil's 100 KiB response budget gives 100 KiB.
     */
    public int maxErrorTextBytes() {
        return Math.max(maxResponseBytes, MIN_ERROR_TEXT_BYTES);
    }

    public ActionLimits withTimeout(Duration value) {
        return new ActionLimits(value, maxStatements, maxCodeBytes, maxParamsBytes, maxResponseBytes, maxLogBytes,
                maxConcurrent, callerSharePercent, preparedContexts);
    }

    public ActionLimits withMaxStatements(long value) {
        return new ActionLimits(timeout, value, maxCodeBytes, maxParamsBytes, maxResponseBytes, maxLogBytes,
                maxConcurrent, callerSharePercent, preparedContexts);
    }

    public ActionLimits withMaxCodeBytes(int value) {
        return new ActionLimits(timeout, maxStatements, value, maxParamsBytes, maxResponseBytes, maxLogBytes,
                maxConcurrent, callerSharePercent, preparedContexts);
    }

    public ActionLimits withMaxParamsBytes(int value) {
        return new ActionLimits(timeout, maxStatements, maxCodeBytes, value, maxResponseBytes, maxLogBytes,
                maxConcurrent, callerSharePercent, preparedContexts);
    }

    public ActionLimits withMaxResponseBytes(int value) {
        return new ActionLimits(timeout, maxStatements, maxCodeBytes, maxParamsBytes, value, maxLogBytes,
                maxConcurrent, callerSharePercent, preparedContexts);
    }

    public ActionLimits withMaxLogBytes(int value) {
        return new ActionLimits(timeout, maxStatements, maxCodeBytes, maxParamsBytes, maxResponseBytes, value,
                maxConcurrent, callerSharePercent, preparedContexts);
    }

    public ActionLimits withMaxConcurrent(int value) {
        return new ActionLimits(timeout, maxStatements, maxCodeBytes, maxParamsBytes, maxResponseBytes, maxLogBytes,
                value, callerSharePercent, preparedContexts);
    }

    public ActionLimits withCallerSharePercent(int value) {
        return new ActionLimits(timeout, maxStatements, maxCodeBytes, maxParamsBytes, maxResponseBytes, maxLogBytes,
                maxConcurrent, value, preparedContexts);
    }

    public ActionLimits withPreparedContexts(int value) {
        return new ActionLimits(timeout, maxStatements, maxCodeBytes, maxParamsBytes, maxResponseBytes, maxLogBytes,
                maxConcurrent, callerSharePercent, value);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
