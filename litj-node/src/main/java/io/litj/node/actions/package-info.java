/**
 * Lit Actions: JavaScript run for a {@code /web/execute} request ({@code lit-node-behaviour.md} §1.8, §13), and
 * the IPFS CIDv0 that names an action's code.
 *
 * <p>{@link io.litj.node.actions.ActionRuntime} runs an {@link io.litj.node.actions.ActionRequest} in a fresh
 * GraalJS context of one shared engine (built ahead of time by the node's context pool, used for that one request
 * and closed after it), sandboxed ({@code SandboxPolicy.CONSTRAINED}: no host, IO, thread, native,
 * environment or polyglot access) and bounded by {@link io.litj.node.actions.ActionLimits} (timeout, statement
 * limit, code/params/response/log sizes, error text cut to the response budget, execution slots per node with a
 * per-caller share) plus a heap guard; it returns an
 * {@link io.litj.node.actions.ActionResult} or throws an {@link io.litj.node.actions.ActionException} carrying Lit's
 * JS error code and the logs so far. Inside, an action sees its {@code jsParams} as globals and as {@code jsParams},
 * {@code LitActions}/{@code Lit.Actions} ({@code setResponse}; the signing, permission and network calls are stubs
 * that throw), {@code LitAuth}, {@code LitHeaders} and a Deno-style {@code console}.
 * {@link io.litj.node.actions.IpfsCid} computes {@code ipfs add --only-hash} CIDs.
 *
 * <p>Nothing here returns null. Code, params, responses and console output can hold secrets: this package logs
 * only sizes, durations and outcomes.
 */
package io.litj.node.actions;
