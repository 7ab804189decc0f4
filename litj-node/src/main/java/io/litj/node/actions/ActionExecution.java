package io.litj.node.actions;

import io.litj.node.actions.Watchdog.CancelReason;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * run the prelude, run the action (GraalJS drains the microtask queue before {@code eval} returns, so awaited
 * promises settle), read the response, close the context. The watchdog may cancel it from another thread.
 */
final class ActionExecution {
    /**
     * Context options (stable ones only: {@code js.polyglot-builtin}, {@code js.java-package-globals},
     * {@code js.global-arguments}, {@code js.performance} and {@code js.string-length-limit} are experimental). No
     * host, IO, thread, native, environment or polyglot access is granted (the builder default, enforced by
     * {@link SandboxPolicy#CONSTRAINED}), so {@code Java}, {@code Polyglot} and {@code Packages} do not exist; these
     * options make an unhandled promise rejection fail the action, remove {@code load} and {@code Graal}, leave
     * {@code console} to the prelude (which also deletes {@code print}, {@code printErr} and {@code arguments}) and
     * add {@code TextEncoder}/{@code TextDecoder}, which Deno has.
     */
    static final Map<String, String> CONTEXT_OPTIONS = Map.of(
            "js.unhandled-rejections", "throw",
            "js.load", "false",
            "js.graal-builtin", "false",
            "js.console", "false",
            "js.print", "true",
            "js.text-encoding", "true");

    private final Engine engine;
    private final Source prelude;
    private final ResourceLimits resourceLimits;
    private final ActionLimits limits;
    private final Watchdog watchdog;
    private final ActionRequest request;
    private final String paramsJson;
    private final LogSink logs;
    private final AtomicReference<CancelReason> cancelled = new AtomicReference<>();
    private volatile Context context;
    private volatile long threadId;
    private volatile long startAllocatedBytes = -1;
    private volatile long startCollectionCount = Long.MAX_VALUE;
    private volatile long deadlineNanos = Long.MAX_VALUE;

    private final Duration timeout;
    private final Executor canceller;

    ActionExecution(Engine engine, Source prelude, ResourceLimits resourceLimits, ActionLimits limits,
            Duration timeout, Watchdog watchdog, ActionRequest request, String paramsJson, Executor canceller) {
        this.engine = engine;
        this.prelude = prelude;
        this.resourceLimits = resourceLimits;
        this.limits = limits;
        this.timeout = timeout;
        this.watchdog = watchdog;
        this.request = request;
        this.paramsJson = paramsJson;
        this.logs = new LogSink(limits.maxLogBytes());
        this.canceller = canceller;
    }

    /** Runs the action on the current thread; throws {@link ActionException} when it fails. */
    ActionResult run() {
        threadId = Thread.currentThread().threadId();
        startAllocatedBytes = watchdog.currentThreadAllocatedBytes();
        startCollectionCount = watchdog.collectionCount();
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
        Value[] control = new Value[1];
        try {
            if (cancelled.get() != null) {
                ctx.close(true);
            }
            Value setup = ctx.eval(prelude);
            control[0] = setup.execute(paramsJson, JsJson.stringify(request.authContext()),
                    JsJson.stringify(headersObject()), limits.maxResponseBytes());
            ctx.eval(Source.newBuilder("js", request.code(), ActionErrors.SOURCE_NAME).cached(false).buildLiteral());
            Value response = control[0].getMember("response").execute();
            String text = response.isNull() ? "" : response.asString();
            checkResponseSize(text);
            return new ActionResult(text, logs.text(), true);
        } catch (PolyglotException e) {
            throw ActionErrors.fromPolyglot(e, cancelled.get(), limits, logs.text(),
                    thrown -> describe(control[0], thrown));
        } catch (IllegalStateException e) {
            // the context was closed under us (cancelled before or while it ran)
            CancelReason reason = cancelled.get();
            if (reason == null) {
                throw e;
            }
            throw ActionErrors.cancelled(reason, limits, logs.text());
        } finally {
            watchdog.unregister(this);
            closeQuietly(ctx);
        }
    }

    /**
     * Cancels the execution (first reason wins): closes the context with {@code cancelIfExecuting}, which makes the
     * running {@code eval} throw on the action thread.
     */
    void cancel(CancelReason reason) {
        if (cancelled.compareAndSet(null, reason)) {
            Context ctx = context;
            if (ctx != null) {
                canceller.execute(() -> closeQuietly(ctx, true));
            }
        }
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

    long startCollectionCount() {
        return startCollectionCount;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The prelude's rendering of a thrown value; null for an Error, or when the prelude never ran. */
    private static String describe(Value control, Value thrown) {
        if (control == null) {
            return null;
        }
        Value text = control.getMember("describe").execute(thrown);
        return text.isNull() ? null : text.asString();
    }

    private JsonValue.JsonObject headersObject() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        request.headers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(h -> b.put(h.getKey(), h.getValue()));
        return b.build();
    }

    private void checkResponseSize(String text) {
        if (text.length() > limits.maxResponseBytes() / 3
                && text.getBytes(StandardCharsets.UTF_8).length > limits.maxResponseBytes()) {
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
