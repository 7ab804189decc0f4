/**
 * A node's meters ({@link io.litj.node.metrics.NodeMetrics}): requests and refusals per route and error code, latency
 * histograms with fixed buckets, pool gauges and peer errors, in a Prometheus registry of the node's own (no
 * JVM-global state), scraped at {@code GET /metrics}. See {@code docs/operations.md}.
 */
package io.litj.node.metrics;
