package io.litj.node.actions;

import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One run of one action in a fresh {@link Context} on the calling (action) thread: build the sandboxed context,
 * run the prelude, parse the action, let the prelude run it (so that what it throws is reported, and cut to the
 * response budget, inside the context; GraalJS drains the microtask queue before the call returns, so awaited
 * promises settle and unhandled rejections are reported), read the response, close the context. The watchdog may
 * cancel it from another thread.
 */
final class ActionExecution {
    /**
     * Context options (stable ones only: {@code js.polyglot-builtin}, {@code js.java-package-globals},
     * {@code js.global-arguments}, {@code js.performance} and {@code js.string-length-limit} are experimental). No
     * host, IO, thread, native, environment or polyglot access is granted (the builder default, enforced by
     * {@link SandboxPolicy#CONSTRAINED}), so {@code Java}, {@code Polyglot} and {@code Packages} do not exist; these
     * options hand unhandled promise rejections to the prelude's handler (set through the {@code Graal} builtin,
     * which the prelude deletes before the action runs), remove {@code load}, leave {@code console} to the prelude
     * (which also deletes {@code print}, {@code printErr} and {@code arguments}) and add
     * {@code TextEncoder}/{@code TextDecoder}, which Deno has.
     */
    static final Map<String, String> CONTEXT_OPTIONS = Map.of(
            "js.unhandled-rejections", "handler",
            "js.load", "false",
            "js.graal-builtin", "true",
            "js.console", "false",
            "js.print", "true",
            "js.text-encoding", "true");

    private final Engine engine;
    private final Source prelude;
    private final ResourceLimits resourceLimits;
    private final ActionLimits limits;
    private final Duration timeout;
    private final Watchdog watchdog;
    private final ActionRequest request;
    private final String paramsJson;
    private final Executor canceller;
    private final LogSink logs;
    private final ActionHost host;
    private final AtomicReference<CancelReason> cancelled = new AtomicReference<>();
    private volatile Context context;
    private volatile long threadId;
    private volatile long startAllocatedBytes = -1;
    private volatile long deadlineNanos = Long.MAX_VALUE;

    /** @param canceller runs the blocking close of the context when the execution is cancelled */
    ActionExecution(Engine engine, Source prelude, ResourceLimits resourceLimits, ActionLimits limits,
            Duration timeout, Watchdog watchdog, ActionRequest request, String paramsJson, Executor canceller) {
        this(engine, prelude, resourceLimits, limits, timeout, watchdog, request, paramsJson, canceller, null);
    }

    /** As above, with node functions for the action ({@code null}: none, the prelude's stubs stay). */
    ActionExecution(Engine engine, Source prelude, ResourceLimits resourceLimits, ActionLimits limits,
            Duration timeout, Watchdog watchdog, ActionRequest request, String paramsJson, Executor canceller,
            ActionHost host) {
        this.host = host;
        this.engine = engine;
        this.prelude = prelude;
        this.resourceLimits = resourceLimits;
        this.limits = limits;
        this.timeout = timeout;
        this.watchdog = watchdog;
        this.request = request;
        this.paramsJson = paramsJson;
        this.canceller = canceller;
        this.logs = new LogSink(limits.maxLogBytes());
    }

    /** Runs the action on the current thread; throws {@link ActionException} when it fails. */
    ActionResult run() {
        threadId = Thread.currentThread().threadId();
        startAllocatedBytes = watchdog.currentThreadAllocatedBytes();
        Context.Builder builder = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(logs)
                .err(OutputStream.nullOutputStream())
                .resourceLimits(resourceLimits);
        CONTEXT_OPTIONS.forEach(builder::option);
        Context ctx = builder.build();
        context = ctx;
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        watchdog.register(this);
        try {
            if (cancelled.get() != null) {
                ctx.close(true);
            }
            Value control = ctx.eval(prelude).execute(paramsJson, JsJson.stringify(request.authContext()),
                    JsJson.stringify(headersObject()), limits.maxResponseBytes(), limits.maxLogBytes(),
                    limits.maxErrorTextBytes(), host == null ? null : HostCalls.proxy(host));
            Value script = ctx.parse(Source.newBuilder("js", request.code(), ActionErrors.SOURCE_NAME)
                    .cached(false).buildLiteral());
            Value failure = control.getMember("run").execute(script);
            if (failure.isNull()) {
                failure = control.getMember("failure").execute();
            }
            if (!failure.isNull()) {
                throw ActionErrors.uncaught(failure, limits, logs.text());
            }
            Value response = control.getMember("response").execute();
            String text = response.isNull() ? "" : response.asString();
            checkResponseSize(text);
            return new ActionResult(text, logs.text(), true);
        } catch (PolyglotException e) {
            throw ActionErrors.fromPolyglot(e, cancelled.get(), limits, logs.text());
        } catch (IllegalStateException e) {
            // the context was closed under us (cancelled before or while it ran)
            CancelReason reason = cancelled.get();
            if (reason == null) {
                throw e;
            }
            throw ActionErrors.cancelled(reason, limits, logs.text());
        } finally {
            // closed first: the heap guard counts a registered, cancelled execution's memory as being freed
            closeQuietly(ctx);
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
            Context ctx = context;
            if (ctx != null) {
                Runnable close = () -> closeQuietly(ctx, true);
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
        return logs.text();
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
                    "Response is too long. Max length is " + limits.maxResponseBytes() + " bytes", logs.text());
        }
    }

    private static void closeQuietly(Context ctx) {
        closeQuietly(ctx, false);
    }

    private static void closeQuietly(Context ctx, boolean cancel) {
        try {
            ctx.close(cancel);
        } catch (PolyglotException | IllegalStateException e) {
            // already closed or cancelled: nothing left to release
        }
    }
}
