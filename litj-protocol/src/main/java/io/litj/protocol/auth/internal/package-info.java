/**
 * Not API: the named checks behind {@link io.litj.protocol.auth.SessionSigValidator} and
 * {@link io.litj.protocol.auth.AuthSigReuse}, one rule and one {@link io.litj.protocol.LitErrorCode} family each, in
 * two kinds: {@link io.litj.protocol.auth.internal.SessionCheck} on the outer session sig ({@code
 * lit-node-behaviour.md} §2.1–2.2) and {@link io.litj.protocol.auth.internal.CapabilityCheck} on each capability
 * AuthSig (§2.3–2.4), run in a fixed order ({@link io.litj.protocol.auth.internal.CapabilityPipeline}, order listed
 * in {@code docs/validation.md}); the per-request state they fill in, and the cache of verified capability
 * signatures.
 *
 * <p>Must not: do I/O, read the system clock (the validator passes its {@link java.time.Clock}), throw for a
 * refused input (a check returns a {@link io.litj.protocol.auth.internal.CheckFailure} naming subject, expected and
 * actual), or be imported outside {@code litj-protocol}: the module descriptor does not export this package, so
 * javac refuses it to every other module.
 */
package io.litj.protocol.auth.internal;
