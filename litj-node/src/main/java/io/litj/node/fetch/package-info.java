/**
 * The {@code fetch} of Lit Actions on a node: HTTP/1.1 and HTTPS requests under per-node limits
 * ({@link io.litj.node.fetch.FetchLimits}) and an egress policy that refuses loopback, private, link-local, metadata
 * and other special-purpose addresses unless the operator allows them, checked on the resolved address of every hop
 * and then connected to exactly that address. Entry points: {@link io.litj.node.fetch.ActionFetcher} (one per node)
 * and {@link io.litj.node.fetch.FetchLimits} (part of the node config). Nothing public returns null.
 */
package io.litj.node.fetch;
