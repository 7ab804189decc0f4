package io.litj.node.actions;

import io.litj.node.LitNodeException;
import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.SandboxPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Lit Actions of one node ({@code lit-node-behaviour.md} §1.8, §13) in GraalJS, each in a fresh sandboxed
 * context of a shared, warmed-up engine, within the node's own execution slots. Fresh, but usually not new: the
 * runtime keeps {@link ActionLimits#preparedContexts()} contexts built ahead of time with the prelude's
 * request-independent part already run ({@link ContextPool}); each is handed to one execution and closed after it,
 * never reused, so what one action leaves in its context no other action sees.
 *
 * <p>Each execution gets a new {@code Context} under {@link SandboxPolicy#CONSTRAINED} with no host, IO, thread,
 * native, environment or polyglot access, the statement limit of its {@link ActionLimits}, and the globals of
 * {@link ActionRequest}. It runs on a platform thread of the engine's pool (reused, one action at a time) with a
 * 16 MiB stack (deep recursion ends as a JS {@code RangeError}, about 11,000 frames in the interpreter), while the
 * caller waits. A watchdog cancels it at the
 * timeout, and a heap guard cancels the heaviest allocators when the heap is short (see {@link Watchdog}). A loop, a
 * recursion, an allocation attempt, a throw or a syntax error ends that execution with an {@link ActionException};
 * the runtime keeps working. Error text is cut to the response budget inside the context.
 *
 * <p>Slots: a runtime admits {@link ActionLimits#maxConcurrent()} executions at once, at most
 * {@link ActionLimits#maxConcurrentPerCaller()} of them for one {@link ActionRequest#caller()}; a slot is given back
 * only when its execution's thread has stopped, even if the caller was answered earlier (a timeout whose thread
 * needed longer to unwind). In-process nodes share one engine but not their slots: the first runtime owns the engine
 * and {@link #withOwnSlots()} gives each further node a runtime of its own on that engine.
 *
 * <p>Thread-safe: call {@link #run} from many threads (virtual threads welcome) at once. {@link #close()} cancels
 * this runtime's executions; the owner's close also stops the engine and every runtime on it.
 *
 * <p>Security: logs record sizes, durations and outcomes only, never code, params, responses or console output.
 * GraalJS Community enforces no per-context heap limit (see {@link ActionLimits}).
 */
public final class ActionRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActionRuntime.class);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(60);

    private final ActionLimits limits;
    private final ActionEngine engine;
    private final boolean ownsEngine;
    private final ActionSlots slots;
    private final ContextPool contexts;
    private final Set<ActionExecution> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

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
        this(limits, heapCeilingBytes, ActionEngine.GRACE, null);
    }

    /**
     * With explicit test seams: how long a caller waits for a cancelled action's thread before answering, and the
     * executor that closes a cancelled action's context (null: the engine's own canceller threads).
     */
    ActionRuntime(ActionLimits limits, long heapCeilingBytes, Duration grace, Executor canceller) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.engine = new ActionEngine(limits.maxStatements(), heapCeilingBytes, grace, canceller);
        this.ownsEngine = true;
        this.slots = new ActionSlots(limits);
        this.contexts = engine.newContextPool(limits);
        long start = System.nanoTime();
        try {
            // the first context is slow (class loading, parsing the prelude): give it a generous deadline
            Duration timeout = WARM_UP_TIMEOUT.compareTo(limits.timeout()) > 0 ? WARM_UP_TIMEOUT : limits.timeout();
            // built here, not taken from the pool: a runtime that only lends its engine keeps no contexts
            ActionExecution warmUp = engine.newExecution(() -> engine.prepareContext(limits), limits, timeout,
                    ActionRequest.of("LitActions.setResponse({response: 'ok'});"), "{}", null);
            engine.execute(warmUp, limits, timeout, () -> { });
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.info("Lit Action runtime ready ({}, warm-up {} ms)", engine.implementationName(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private ActionRuntime(ActionRuntime shared) {
        this.limits = shared.limits;
        this.engine = shared.engine;
        this.ownsEngine = false;
        this.slots = new ActionSlots(limits);
        this.contexts = engine.newContextPool(limits);
    }

    /**
     * A runtime for another in-process node: the same engine, threads, watchdog and limits, but slots (and fairness
     * counts) of its own. Closing it cancels only its own executions; closing this runtime stops both.
     */
    public ActionRuntime withOwnSlots() {
        return new ActionRuntime(this);
    }

    /** Slots taken now: executions whose threads have not stopped yet. */
    int activeExecutions() {
        return slots.used();
    }

    /** Execution slots taken now (this node's), for the node's pool gauge. */
    public int slotsInUse() {
        return slots.used();
    }

    /** Contexts this runtime's pool holds ready now. */
    int preparedContextsReady() {
        return contexts.ready();
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
     *     {@code NodeConcurrencyOverload} (every slot taken, or the caller holds its share), {@code NodeJsTimeoutError}
     *     (timeout or statement limit), {@code NodeJsMemoryLimitError}, {@code NodeJsExecutionError} (uncaught
     *     error, syntax error, unhandled rejection, response too long, params that cannot become globals)
     * @throws LitNodeException {@code NodeSystemFault} once the runtime is closed
     */
    public ActionResult run(ActionRequest request) {
        return run(request, null);
    }

    /**
     * As {@link #run(ActionRequest)}, the action may call the node functions of {@code host}
     * ({@link ActionHost#FUNCTIONS}; {@code null}: none, they stay stubs that throw).
     */
    public ActionResult run(ActionRequest request, ActionHost host) {
        return run(request, host, limits.timeout());
    }

    /**
     * As {@link #run(ActionRequest, ActionHost)}, with a time limit shorter than this runtime's (capped at it): for
     * an action that runs inside another request, such as a {@code LitAction} access-control condition.
     */
    public ActionResult run(ActionRequest request, ActionHost host, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Duration limit = timeout.compareTo(limits.timeout()) < 0 ? timeout : limits.timeout();
        if (closed.get()) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the Lit Action runtime is closed");
        }
        long start = System.nanoTime();
        int codeBytes = Utf8.length(request.code());
        if (codeBytes > limits.maxCodeBytes()) {
            throw new ActionException(LitErrorCode.NodeBadInput, "Lit Action code is " + codeBytes
                    + " bytes; the limit is " + limits.maxCodeBytes() + " bytes", "");
        }
        String paramsJson = JsJson.stringify(request.jsParams());
        int paramsBytes = Utf8.length(paramsJson);
        if (paramsBytes > limits.maxParamsBytes()) {
            throw new ActionException(LitErrorCode.NodeBadInput, "jsParams are " + paramsBytes
                    + " bytes as JSON; the limit is " + limits.maxParamsBytes() + " bytes", "");
        }
        ActionSlots.Slot slot = slots.acquire(request.caller());
        ActionExecution execution = engine.newExecution(contexts::take, limits, limit, request,
                paramsJson, host);
        running.add(execution);
        if (closed.get()) {
            execution.cancel(CancelReason.SHUTDOWN);
        }
        String outcome = "failed";
        try {
            ActionResult result = engine.execute(execution, limits, limit, () -> {
                running.remove(execution);
                slot.release();
                contexts.refill();
            });
            outcome = "ok";
            LOG.debug("Lit Action ok: code {} B, params {} B, response {} chars, logs {} chars, {} ms", codeBytes,
                    paramsBytes, result.response().length(), result.logs().length(), millisSince(start));
            return result;
        } catch (ActionException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            if (!"ok".equals(outcome)) {
                LOG.debug("Lit Action {}: code {} B, params {} B, {} ms", outcome, codeBytes, paramsBytes,
                        millisSince(start));
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * Refuses new runs and cancels this runtime's running executions; the owner of the engine also stops the engine
     * (and with it every runtime made by {@link #withOwnSlots()}). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (ActionExecution execution : running) {
            execution.cancel(CancelReason.SHUTDOWN);
        }
        contexts.close();
        if (ownsEngine) {
            engine.close();
        }
    }
}
