package io.litj.node.actions;

import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One run of one action in a fresh {@link PreparedContext} on the calling (action) thread: take a context (built
 * ahead of time by the node's {@link ContextPool}, or here when none is ready), bind the request's globals, parse
 * the action (through the engine's {@link SourceCache}), let the prelude run it (so that what it throws is reported,
 * and cut to the response budget, inside the context; GraalJS drains the microtask queue before the call returns,
 * so awaited promises settle and unhandled rejections are reported), read the response, close the context. The
 * context serves this execution only. The watchdog may cancel it from another thread.
 */
final class ActionExecution {
    private final Supplier<PreparedContext> contexts;
    private final SourceCache sources;
    private final ActionLimits limits;
    private final Duration timeout;
    private final Watchdog watchdog;
    private final ActionRequest request;
    private final String paramsJson;
    private final Executor canceller;
    private final ActionHost host;
    private final AtomicReference<CancelReason> cancelled = new AtomicReference<>();
    private volatile PreparedContext context;
    private volatile long threadId;
    private volatile long startAllocatedBytes = -1;
    private volatile long deadlineNanos = Long.MAX_VALUE;

    /**
     * @param contexts hands out a context no other execution gets ({@link ContextPool#take()})
     * @param canceller runs the blocking close of the context when the execution is cancelled
     * @param host the node functions the action may call ({@code null}: none, the prelude's stubs stay)
     */
    ActionExecution(Supplier<PreparedContext> contexts, SourceCache sources, ActionLimits limits, Duration timeout,
            Watchdog watchdog, ActionRequest request, String paramsJson, Executor canceller, ActionHost host) {
        this.host = host;
        this.contexts = contexts;
        this.sources = sources;
        this.limits = limits;
        this.timeout = timeout;
        this.watchdog = watchdog;
        this.request = request;
        this.paramsJson = paramsJson;
        this.canceller = canceller;
    }

    /** Runs the action on the current thread; throws {@link ActionException} when it fails. */
    ActionResult run() {
        threadId = Thread.currentThread().threadId();
        startAllocatedBytes = watchdog.currentThreadAllocatedBytes();
        PreparedContext ctx = contexts.get();
        context = ctx;
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        watchdog.register(this);
        try {
            if (cancelled.get() != null) {
                ctx.close(true);
            }
            Value control = ctx.bind(paramsJson, JsJson.stringify(request.authContext()),
                    JsJson.stringify(headersObject()), host == null ? null : HostCalls.proxy(host));
            Value script = ctx.context().parse(sources.get(request.code(), ActionErrors.SOURCE_NAME));
            Value failure = control.getMember("run").execute(script);
            if (failure.isNull()) {
                failure = control.getMember("failure").execute();
            }
            if (!failure.isNull()) {
                throw ActionErrors.uncaught(failure, limits, logsSoFar());
            }
            Value response = control.getMember("response").execute();
            String text = response.isNull() ? "" : response.asString();
            checkResponseSize(text);
            return new ActionResult(text, logsSoFar(), true);
        } catch (PolyglotException e) {
            throw ActionErrors.fromPolyglot(e, cancelled.get(), limits, logsSoFar());
        } catch (IllegalStateException e) {
            // the context was closed under us (cancelled before or while it ran)
            CancelReason reason = cancelled.get();
            if (reason == null) {
                throw e;
            }
            throw ActionErrors.cancelled(reason, limits, logsSoFar());
        } finally {
            // closed first: the heap guard counts a registered, cancelled execution's memory as being freed
            ctx.close(false);
            watchdog.unregister(this);
        }
    }

    /**
     * Cancels the execution (first reason wins): closes the context with {@code cancelIfExecuting}, which makes the
     * running code throw on the action thread. That close waits for the action thread to unwind, so it runs on the
     * canceller and this method returns at once.
     */
    void cancel(CancelReason reason) {
        if (cancelled.compareAndSet(null, reason)) {
            PreparedContext ctx = context;
            if (ctx != null) {
                Runnable close = () -> ctx.close(true);
                try {
                    canceller.execute(close);
                } catch (RuntimeException | OutOfMemoryError e) {
                    close.run(); // no thread to hand it to (closing, or the heap is short): close it here
                }
            }
        }
    }

    /** Whether the execution was cancelled (it may still be unwinding). */
    boolean isCancelled() {
        return cancelled.get() != null;
    }

    /** Why the execution was cancelled, or {@code otherwise} if it was not. */
    CancelReason cancelReason(CancelReason otherwise) {
        CancelReason reason = cancelled.get();
        return reason == null ? otherwise : reason;
    }

    /** Console output captured so far (for a caller that gave up waiting). */
    String logsSoFar() {
        PreparedContext ctx = context;
        return ctx == null ? "" : ctx.logs().text();
    }

    long threadId() {
        return threadId;
    }

    long startAllocatedBytes() {
        return startAllocatedBytes;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    private JsonValue.JsonObject headersObject() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        request.headers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(h -> b.put(h.getKey(), h.getValue()));
        return b.build();
    }

    private void checkResponseSize(String text) {
        if (text.length() > limits.maxResponseBytes() / 3 && Utf8.length(text) > limits.maxResponseBytes()) {
            throw new ActionException(io.litj.protocol.LitErrorCode.NodeJsExecutionError,
                    "Response is too long. Max length is " + limits.maxResponseBytes() + " bytes", logsSoFar());
        }
    }
}
