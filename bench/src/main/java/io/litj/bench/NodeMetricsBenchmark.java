package io.litj.bench;

import io.litj.node.metrics.NodeMetrics;
import io.litj.protocol.LitErrorCode;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a node's meters cost per request: one answered request (counter + latency histogram), one refused request
 * (plus the refusal counter), and a session-validation observation; {@code off} is the same call with metrics off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NodeMetricsBenchmark {
    private final NodeMetrics on = NodeMetrics.on();
    private final NodeMetrics off = NodeMetrics.off();
    private final Optional<LitErrorCode> refused = Optional.of(LitErrorCode.NodeResourceIdNotFound);
    private long nanos = 1_234_567;

    @Benchmark
    public void requestOk() {
        on.request("execute", Optional.empty(), nanos++);
    }

    @Benchmark
    public void requestRefused() {
        on.request("execute", refused, nanos++);
    }

    @Benchmark
    public void validation() {
        on.validation(nanos++);
    }

    @Benchmark
    public void requestOkMetricsOff() {
        off.request("execute", Optional.empty(), nanos++);
    }
}
