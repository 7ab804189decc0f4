package io.litj.bench;

import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionResult;
import io.litj.node.actions.ActionRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Lit Action end to end on a warm engine: a fresh sandboxed GraalJS context (taken from the runtime's pool of
 * prepared contexts when one is ready, which the pool's own thread then replaces), the prelude's per-request part
 * (params, auth, headers), the trivial action {@code LitActions.setResponse({response: "ok"})}, closing the context, and
 * the hand-off to and from the action thread. This is the fixed cost of every {@code /web/execute}.
 * Needs {@code litj-node} on the bench classpath.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActionContextBenchmark {
    private ActionRuntime runtime;
    private ActionRequest request;

    @Setup
    public void setUp() {
        runtime = new ActionRuntime(ActionLimits.defaults());
        request = ActionRequest.of("LitActions.setResponse({response: \"ok\"});");
        if (!"ok".equals(run().response())) {
            throw new IllegalStateException("benchmark action did not respond ok");
        }
    }

    @TearDown
    public void tearDown() {
        runtime.close();
    }

    @Benchmark
    public ActionResult run() {
        return runtime.run(request);
    }
}
