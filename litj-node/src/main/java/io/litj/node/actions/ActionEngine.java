package io.litj.node.actions;

import io.litj.node.LitNodeException;
import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.LitErrorCode;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every node of a process can share to run Lit Actions: one GraalJS {@link Engine} (warm code caches), the
 * parsed prelude, the {@link SourceCache} of action code, the action threads, the thread that prepares contexts
 * ahead of time, the {@link Watchdog} with its heap guard, and the threads that close cancelled contexts. Slots and
 * {@link ContextPool}s are not here: each {@link ActionRuntime} has its own.
 *
 * <p>{@link #execute} runs an execution on a platform thread with a {@value #STACK_MIB} MiB stack and waits for
 * it. Action threads are reused: a thread that finished an action (and closed its context) waits up to
 * {@value #THREAD_KEEP_ALIVE_SECONDS} s for the next one; there are never more than the executions running at once
 * (which the runtimes' slots bound) plus the ones about to return to the pool. The {@code onThreadEnd} callback runs
 * on the action thread once the action has stopped and its context is closed, which is when a slot may be given
 * back. The action thread logs with the caller's SLF4J MDC (request id, node), copied in for each execution and
 * cleared after it. A caller that stops waiting (timeout plus grace, or its own interruption) gets its answer while
 * the slot stays taken until the action has stopped. Thread-safe.
 */
final class ActionEngine implements AutoCloseable {
    static final int STACK_MIB = 16;
    /** How long a caller waits for a cancelled execution's thread before answering without it. */
    static final Duration GRACE = Duration.ofSeconds(5);
    static final int THREAD_KEEP_ALIVE_SECONDS = 60;
    /** How long close waits for a context being prepared (the prelude only: bounded work, normally under 1 s). */
    static final Duration PREPARE_WAIT = Duration.ofSeconds(60);
    /** Action code the {@link SourceCache} keeps: 64 sources, each up to 256 Ki characters, 4 Mi together. */
    private static final int CACHED_SOURCES = 64;
    private static final int CACHED_CODE_CHARS = 256 * 1024;
    private static final long CACHED_TOTAL_CHARS = 4L * 1024 * 1024;
    private static final int CANCELLER_THREADS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ActionEngine.class);

    private final Engine engine;
    private final Source prelude;
    private final ResourceLimits resourceLimits;
    private final Watchdog watchdog;
    private final SourceCache sources = new SourceCache(CACHED_SOURCES, CACHED_CODE_CHARS, CACHED_TOTAL_CHARS);
    private final ExecutorService threads;
    private final ExecutorService preparer;
    private final ExecutorService ownCanceller;
    private final Executor canceller;
    private final long graceMillis;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param canceller runs the (blocking) closes of cancelled contexts; null for the engine's own canceller
     *     threads, so that neither the watchdog, the heap guard nor a caller waits for an action's thread to unwind
     */
    ActionEngine(long maxStatements, long heapCeilingBytes, Duration grace, Executor canceller) {
        this.graceMillis = grace.toMillis();
        this.ownCanceller = canceller == null ? cancellerThreads() : null;
        this.canceller = canceller == null ? this::cancelOnOwnThread : canceller;
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.prelude = Source.newBuilder("js", PreludeScript.SOURCE + "(" + InspectScript.SOURCE + ", "
                + FetchScript.SOURCE + ", " + BytesTextScript.SOURCE + ")",
                "litj-prelude.js").cached(true).internal(true).buildLiteral();
        this.resourceLimits = ResourceLimits.newBuilder().statementLimit(maxStatements, null).build();
        this.watchdog = new Watchdog(heapCeilingBytes);
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Thread.ofPlatform().name("litj-action-", 0).daemon(true)
                .stackSize((long) STACK_MIB << 20).factory());
        this.preparer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("litj-action-prepare")
                .daemon(true).factory());
    }

    /**
     * Platform threads for cancellations, {@value #CANCELLER_THREADS} of them started up front and more on demand:
     * each close waits for its action's thread to unwind, so every cancellation gets a thread at once (the heap
     * guard stops all heavy allocators together, and a queued one would keep allocating), and the usual ones need
     * no new thread, nor much memory, when the heap is short.
     */
    private static ExecutorService cancellerThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CANCELLER_THREADS, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Thread.ofPlatform().name("litj-action-cancel-", 0).daemon(true).factory());
        pool.prestartAllCoreThreads();
        return pool;
    }

    /** The GraalJS implementation name ("Interpreted" without a JIT). */
    String implementationName() {
        return engine.getImplementationName();
    }

    /** A context of this engine with the prelude prepared for {@code limits}, built on the calling thread. */
    PreparedContext prepareContext(ActionLimits limits) {
        return PreparedContext.build(engine, prelude, resourceLimits, limits);
    }

    /** A pool of {@code limits.preparedContexts()} contexts built on this engine's preparing thread. */
    ContextPool newContextPool(ActionLimits limits) {
        return new ContextPool(limits.preparedContexts(), () -> prepareContext(limits), preparer);
    }

    /**
     * A new execution of {@code request} in a context from {@code contexts}, not started; its action may call
     * {@code host} ({@code null}: none, the prelude's stubs stay).
     */
    ActionExecution newExecution(Supplier<PreparedContext> contexts, ActionLimits limits, Duration timeout,
            ActionRequest request, String paramsJson, ActionHost host) {
        return new ActionExecution(contexts, sources, limits, timeout, watchdog, request, paramsJson, canceller,
                host);
    }

    /**
     * Runs {@code execution} on its own thread and waits for its result.
     *
     * @param onThreadEnd runs once: on the action thread after the execution has stopped, or here if no thread
     *     could start
     * @throws ActionException as the execution fails, or {@code NodeJsTimeoutError} when it did not stop in time
     * @throws ActionException {@code NodeSystemFault} once the engine is closed
     */
    ActionResult execute(ActionExecution execution, ActionLimits limits, Duration timeout, Runnable onThreadEnd) {
        Future<ActionResult> future;
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            future = threads.submit(() -> {
                adoptLogContext(logContext);
                try {
                    return runGuarded(execution);
                } finally {
                    onThreadEnd.run();
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            onThreadEnd.run();
            // closed between admission and start: the same answer as an action cancelled by the shutdown
            throw new ActionException(LitErrorCode.NodeSystemFault,
                    "Lit Action cancelled: the action runtime is shutting down", "");
        }
        return await(execution, future, limits, timeout);
    }

    /**
     * Gives the action thread the caller's log context (the request id and node), replacing whatever the pooled
     * thread held: a thread made while another request was served inherited that request's context.
     */
    private static void adoptLogContext(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
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

    private ActionResult await(ActionExecution execution, Future<ActionResult> future, ActionLimits limits,
            Duration timeout) {
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
                        LOG.error("a Lit Action thread did not stop {} ms after its cancellation; its slot stays "
                                + "taken until it does", graceMillis);
                        throw ActionErrors.cancelled(execution.cancelReason(CancelReason.TIMEOUT), limits,
                                execution.logsSoFar());
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

    private void cancelOnOwnThread(Runnable close) {
        try {
            ownCanceller.execute(close);
        } catch (RejectedExecutionException e) {
            close.run(); // the engine is closing: close on this thread
        }
    }

    /** Cancels every running execution, stops the watchdog and closes the engine. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watchdog.cancelAll(CancelReason.SHUTDOWN);
        preparer.shutdownNow();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Lit Action threads still running at close");
            }
            // a context being prepared must be finished before the engine closes: Engine.close holds the engine's
            // lock while it waits for the threads inside its contexts, and a context still initializing its
            // language needs that lock (a deadlock seen in CI)
            if (!preparer.awaitTermination(PREPARE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a Lit Action context was still being prepared at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.close();
        if (ownCanceller != null) {
            ownCanceller.shutdown();
        }
        try {
            engine.close(true);
        } catch (RuntimeException e) {
            LOG.warn("closing the JS engine failed: {}", e.getClass().getName());
        }
    }
}
