/**
 * Who may do what on this node. Two entries:
 * <ul>
 *   <li>{@link io.litj.node.auth.AuthGate}: every protected endpoint turns its request into an
 *   {@link io.litj.protocol.auth.AuthContext} here, through {@link io.litj.protocol.auth.SessionSigValidator}
 *   configured with this node's own address;</li>
 *   <li>{@link io.litj.node.auth.SessionKeyAuthorizer}: {@code sign_session_key} decides whether the network may
 *   sign a session for a PKP (auth methods, Lit Action, PKP permissions, SIWE rules) and builds the SIWE it signs
 *   ({@code lit-node-behaviour.md} §3). Its steps are a fixed list of named checks, package-private
 *   {@code *Check} classes declaring their codes; a refusal names its check ({@code docs/pkp-sessions.md}).</li>
 * </ul>
 * Nothing here holds key material or signs; nothing returns null (absent values are {@link java.util.Optional},
 * lists are empty).
 */
package io.litj.node.auth;
