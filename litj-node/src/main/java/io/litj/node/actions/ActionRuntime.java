package io.litj.node.actions;

import io.litj.node.LitNodeException;
import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Lit Actions ({@code lit-node-behaviour.md} §1.8, §13) in GraalJS, each in a fresh sandboxed context of one
 * shared, warmed-up engine.
 *
 * <p>Each execution gets a new {@code Context} under {@link SandboxPolicy#CONSTRAINED} with no host, IO, thread,
 * native, environment or polyglot access, the statement limit of its {@link ActionLimits}, and the globals of
 * {@link ActionRequest}. It runs on its own platform thread with a {@value #STACK_MIB} MiB stack (deep recursion
 * ends as a JS {@code RangeError}, about 11,000 frames in the interpreter), while the caller waits. A watchdog
 * thread cancels it at the timeout and, when the heap surviving a garbage collection passes 80 % of the maximum,
 * cancels the execution that allocated most. A loop, a recursion, an allocation attempt, a throw or a syntax error
 * ends that execution with an {@link ActionException}; the runtime keeps working.
 *
 * <p>Thread-safe: call {@link #run} from many threads (virtual threads welcome) at once, up to
 * {@link ActionLimits#maxConcurrent()}. {@link #close()} cancels running executions and releases the engine.
 *
 * <p>Security: logs record sizes, durations and outcomes only, never code, params, responses or console output.
 * GraalJS Community enforces no per-context heap limit (see {@link ActionLimits}).
 */
public final class ActionRuntime implements AutoCloseable {
    static final int STACK_MIB = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ActionRuntime.class);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(60);

    private final ActionLimits limits;
    private final Engine engine;
    private final Source prelude;
    private final ResourceLimits resourceLimits;
    private final Watchdog watchdog;
    private final ExecutorService threads;
    private final Semaphore slots;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long graceMillis;
    private final Executor canceller;

    /**
     * Creates the engine and runs one trivial action to warm it up (about a second in interpreter mode).
     *
     * @throws ActionException if the warm-up action fails, which means the GraalJS setup is broken
     */
    public ActionRuntime(ActionLimits limits) {
        this(limits, Watchdog.defaultHeapCeiling());
    }

    /** With an explicit heap ceiling for the memory guard (tests). */
    ActionRuntime(ActionLimits limits, long heapCeilingBytes) {
        this(limits, heapCeilingBytes, GRACE, Runnable::run);
    }

    /**
     * With explicit test seams: how long a caller waits for a cancelled action's thread before answering, and the
     * executor that closes a cancelled action's context.
     */
    ActionRuntime(ActionLimits limits, long heapCeilingBytes, Duration grace, Executor canceller) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.graceMillis = grace.toMillis();
        this.canceller = Objects.requireNonNull(canceller, "canceller");
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.prelude = Source.newBuilder("js", PreludeScript.SOURCE + "(" + InspectScript.SOURCE + ")",
                "litj-prelude.js").cached(true).internal(true).buildLiteral();
        this.resourceLimits = ResourceLimits.newBuilder().statementLimit(limits.maxStatements(), null).build();
        this.watchdog = new Watchdog(heapCeilingBytes);
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("litj-action-", 0)
                .daemon(true).stackSize((long) STACK_MIB << 20).factory());
        this.slots = new Semaphore(limits.maxConcurrent());
        long start = System.nanoTime();
        try {
            // the first context is slow (class loading, parsing the prelude): give it a generous deadline
            execute(ActionRequest.of("LitActions.setResponse({response: 'ok'});"), "{}",
                    WARM_UP_TIMEOUT.compareTo(limits.timeout()) > 0 ? WARM_UP_TIMEOUT : limits.timeout());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Lit Action runtime ready ({}, warm-up {} ms)", engine.getImplementationName(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Executions running now (at most {@link ActionLimits#maxConcurrent()}). */
    int activeExecutions() {
        return limits.maxConcurrent() - slots.availablePermits();
    }

    /** The limits every execution runs under. */
    public ActionLimits limits() {
        return limits;
    }

    /**
     * Runs one action and waits for it.
     *
     * @return the response set by {@code LitActions.setResponse} ({@code ""} if none) and the console output
     * @throws ActionException {@code NodeBadInput} (code or params too large, refused before running),
     *     {@code NodeConcurrencyOverload} (too many running), {@code NodeJsTimeoutError} (timeout or statement
     *     limit), {@code NodeJsMemoryLimitError}, {@code NodeJsExecutionError} (uncaught error, syntax error,
     *     unhandled rejection, response too long, params that cannot become globals)
     * @throws LitNodeException {@code NodeSystemFault} once the runtime is closed
     */
    public ActionResult run(ActionRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the Lit Action runtime is closed");
        }
        long start = System.nanoTime();
        int codeBytes = utf8Length(request.code());
        if (codeBytes > limits.maxCodeBytes()) {
            throw new ActionException(LitErrorCode.NodeBadInput, "Lit Action code is " + codeBytes
                    + " bytes; the limit is " + limits.maxCodeBytes() + " bytes", "");
        }
        String paramsJson = JsJson.stringify(request.jsParams());
        int paramsBytes = utf8Length(paramsJson);
        if (paramsBytes > limits.maxParamsBytes()) {
            throw new ActionException(LitErrorCode.NodeBadInput, "jsParams are " + paramsBytes
                    + " bytes as JSON; the limit is " + limits.maxParamsBytes() + " bytes", "");
        }
        if (!slots.tryAcquire()) {
            throw new ActionException(LitErrorCode.NodeConcurrencyOverload, "too many Lit Actions running (limit "
                    + limits.maxConcurrent() + ")", "");
        }
        String outcome = "failed";
        try {
            ActionResult result = execute(request, paramsJson, limits.timeout());
            outcome = "ok";
            LOG.debug("Lit Action ok: code {} B, params {} B, response {} chars, logs {} chars, {} ms", codeBytes,
                    paramsBytes, result.response().length(), result.logs().length(), millisSince(start));
            return result;
        } catch (ActionException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            slots.release();
            if (!"ok".equals(outcome)) {
                LOG.debug("Lit Action {}: code {} B, params {} B, {} ms", outcome, codeBytes, paramsBytes,
                        millisSince(start));
            }
        }
    }

    private ActionResult execute(ActionRequest request, String paramsJson, Duration timeout) {
        ActionExecution execution = new ActionExecution(engine, prelude, resourceLimits, limits, timeout, watchdog,
                request, paramsJson, canceller);
        Future<ActionResult> future;
        try {
            future = threads.submit(() -> runGuarded(execution));
        } catch (RejectedExecutionException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the Lit Action runtime is closed");
        }
        return await(execution, future, timeout);
    }

    private static ActionResult runGuarded(ActionExecution execution) {
        try {
            return execution.run();
        } catch (ActionException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw ActionErrors.fromJvmError(e, safeLogs(execution));
        }
    }

    private ActionResult await(ActionExecution execution, Future<ActionResult> future, Duration timeout) {
        boolean interrupted = false;
        try {
            long waitMillis = timeout.toMillis() + graceMillis;
            while (true) {
                try {
                    return future.get(waitMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // the caller gave up: stop the action, then wait (bounded) for its thread to let go
                    interrupted = true;
                    execution.cancel(CancelReason.CALLER_GONE);
                    waitMillis = graceMillis;
                } catch (TimeoutException e) {
                    execution.cancel(CancelReason.TIMEOUT);
                    try {
                        return future.get(graceMillis, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException stuck) {
                        LOG.error("a Lit Action thread did not stop {} ms after its cancellation", graceMillis);
                        throw ActionErrors.cancelled(CancelReason.TIMEOUT, limits, execution.logsSoFar());
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActionException a) {
                throw a;
            }
            throw ActionErrors.fromJvmError(e.getCause(), execution.logsSoFar());
        } catch (InterruptedException e) {
            interrupted = true;
            throw ActionErrors.cancelled(CancelReason.CALLER_GONE, limits, execution.logsSoFar());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String safeLogs(ActionExecution execution) {
        try {
            return execution.logsSoFar();
        } catch (RuntimeException | Error e) {
            return "";
        }
    }

    private static int utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Cancels running executions, stops the watchdog and closes the engine. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watchdog.cancelAll(CancelReason.SHUTDOWN);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Lit Action threads still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.close();
        try {
            engine.close(true);
        } catch (RuntimeException e) {
            LOG.warn("closing the JS engine failed: {}", e.getClass().getName());
        }
    }
}
