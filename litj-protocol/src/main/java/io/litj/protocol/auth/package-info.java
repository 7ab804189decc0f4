/**
 * Lit session signatures, both sides: the wire objects ({@link io.litj.protocol.auth.AuthSig},
 * {@link io.litj.protocol.auth.SessionSigPayload}, {@link io.litj.protocol.auth.SessionSig},
 * {@link io.litj.protocol.auth.SessionSigs}) and session keys; their creation on a client
 * ({@link io.litj.protocol.auth.SessionSigIssuer}, {@link io.litj.protocol.auth.LitSiweBuilder}) and their validation
 * on a node ({@link io.litj.protocol.auth.SessionSigValidator}, whose result is an
 * {@link io.litj.protocol.auth.AuthContext} or an {@link io.litj.protocol.auth.AuthDenied}); the client's re-use
 * decision for a cached grant ({@link io.litj.protocol.auth.AuthSigReuse}), which runs the node's own capability
 * checks; and the one home of the session time rules ({@link io.litj.protocol.auth.SessionTimeRules}).
 *
 * <p>Standards: {@code lit-node-behaviour.md} §2 (validation, step by step) and {@code js-sdk-v7-wire-format.md} §1,
 * §4 (wire forms of the JS SDK 7.4.0); EIP-4361 (SIWE), ERC-5573 (ReCaps), EIP-191, RFC 8032 (Ed25519). Deliberate
 * differences from the reference node are listed in {@code docs/validation.md}.
 *
 * <p>No network or file I/O: time comes from an injected {@link java.time.Clock}, the network's BLS check from an
 * injected {@link io.litj.protocol.auth.BlsCapabilityVerifier}. Nothing public returns {@code null}. A denial is a
 * value ({@code AuthDenied}), not an exception. Security: session secret keys and signatures never appear in
 * {@code toString} or messages. The checks themselves live in {@code io.litj.protocol.auth.internal}, which the
 * module does not export.
 */
package io.litj.protocol.auth;
