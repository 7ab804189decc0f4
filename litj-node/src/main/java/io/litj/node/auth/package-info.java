/**
 * The node's auth gate: every protected endpoint turns its request into an
 * {@link io.litj.protocol.auth.AuthContext} here, through {@link io.litj.protocol.auth.SessionSigValidator}
 * configured with this node's own address.
 */
package io.litj.node.auth;
