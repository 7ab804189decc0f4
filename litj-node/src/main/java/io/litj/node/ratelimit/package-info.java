/**
 * Capacity credits on the node ({@code lit-node-behaviour.md} §5, {@code docs/capacity-credits.md}): which credits
 * pay for a request (the proven caller's own, then those its verified delegations name), whether they have room
 * ({@link io.litj.node.ratelimit.CapacityMode}: off, holding, allocation), the durable count of a delegation's
 * {@code uses}, and Datil's refusal body. {@link io.litj.node.ratelimit.CapacityGate} is the one entry; the paid
 * endpoints call it after the session sig is validated and before any work. Nothing here returns null.
 */
package io.litj.node.ratelimit;
