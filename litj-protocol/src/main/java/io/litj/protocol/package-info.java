/**
 * The Lit session-signature protocol: wire model and rules, shared by the litj SDK and the litj node.
 *
 * <p>This module does no network or file I/O. Time comes from an injected {@link java.time.Clock}; randomness
 * from an injected {@link java.security.SecureRandom}. Nothing public returns {@code null}: absent values are
 * {@link java.util.Optional}, lists are empty. All failures are {@link io.litj.protocol.LitProtocolException}
 * carrying a {@link io.litj.protocol.LitErrorCode}.
 */
package io.litj.protocol;
