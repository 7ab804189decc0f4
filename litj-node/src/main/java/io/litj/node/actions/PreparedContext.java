package io.litj.node.actions;

import java.io.OutputStream;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A fresh sandboxed GraalJS context on which the prelude's request-independent part ({@link PreludeScript}'s
 * {@code prepare}) has already run, with the console sink the action will write to. It serves exactly one
 * execution: {@link #bind} installs that request's globals, and the context is closed after the request. Built on
 * any thread and then used by one action thread at a time (GraalJS allows a context to move between threads as long
 * as no two enter it at once). Not thread-safe otherwise.
 */
final class PreparedContext implements AutoCloseable {
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

    private final Context context;
    private final LogSink logs;
    private final Value bind;

    private PreparedContext(Context context, LogSink logs, Value bind) {
        this.context = context;
        this.logs = logs;
        this.bind = bind;
    }

    /**
     * Builds a context of {@code engine} and runs the prelude's {@code prepare} in it with the budgets of
     * {@code limits}; the statements it runs count against the context's statement limit.
     *
     * @throws PolyglotException if the prelude fails (a broken setup, not a request's fault)
     */
    static PreparedContext build(Engine engine, Source prelude, ResourceLimits resourceLimits, ActionLimits limits) {
        LogSink logs = new LogSink(limits.maxLogBytes());
        Context.Builder builder = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(logs)
                .err(OutputStream.nullOutputStream())
                .resourceLimits(resourceLimits);
        CONTEXT_OPTIONS.forEach(builder::option);
        Context context = builder.build();
        try {
            Value bind = context.eval(prelude).execute(limits.maxResponseBytes(), limits.maxLogBytes(),
                    limits.maxErrorTextBytes());
            return new PreparedContext(context, logs, bind);
        } catch (RuntimeException | Error e) {
            closeQuietly(context, true);
            throw e;
        }
    }

    Context context() {
        return context;
    }

    /** The console output of the one action this context runs. */
    LogSink logs() {
        return logs;
    }

    /** Installs the request's globals ({@code jsParams}, {@code LitAuth}, …) and returns the control object. */
    Value bind(String paramsJson, String authJson, String headersJson, Object host) {
        return bind.execute(paramsJson, authJson, headersJson, host);
    }

    /** Closes the context (never throws); {@code cancel} also stops code running in it. */
    void close(boolean cancel) {
        closeQuietly(context, cancel);
    }

    @Override
    public void close() {
        close(false);
    }

    private static void closeQuietly(Context context, boolean cancel) {
        try {
            context.close(cancel);
        } catch (PolyglotException | IllegalStateException e) {
            // already closed or cancelled: nothing left to release
        }
    }
}
