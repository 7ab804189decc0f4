package io.litj.bench;

import java.util.Arrays;

/** Summaries of measured call latencies (nanoseconds) for the load drivers' one-line reports. */
final class Latencies {
    private Latencies() {
    }

    /** {@code N calls, p50 … ms, p90 … ms, p99 … ms, max … ms, … calls/s} (the rate over the time spent in calls). */
    static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double seconds = Arrays.stream(sorted).sum() / 1e9;
        return String.format("%d calls, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %.1f calls/s",
                sorted.length, quantileMs(sorted, 0.50), quantileMs(sorted, 0.90), quantileMs(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, sorted.length / seconds);
    }

    /** The {@code q} quantile (nearest rank) of sorted nanoseconds, in milliseconds. */
    static double quantileMs(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
