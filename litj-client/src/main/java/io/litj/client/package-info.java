/**
 * The litj SDK: connect to a Lit network, get session sigs, keep sessions between runs, run Lit Actions.
 *
 * <p>Entry point: {@link io.litj.client.LitClient}. Everything here is immutable or thread-safe as its Javadoc
 * says; nothing public returns {@code null} (absent values are {@link java.util.Optional}, lists are empty).
 * All failures are {@link io.litj.client.LitClientException}s carrying a {@link io.litj.protocol.LitErrorCode} and,
 * when nodes answered with errors, one {@link io.litj.client.NodeFailure} per node.
 *
 * <p>Wire compatibility: the Lit JS SDK 7.4.0 ({@code js-sdk-v7-wire-format.md} §4, §7, §8, §9). Deliberate
 * differences are listed where they occur (majority of agreeing nodes at connect, {@code MOST_COMMON} response
 * strategy, sessions stored per network, account and resource set).
 *
 * <p>Security: session secret keys, wallet AuthSigs and session sigs never appear in {@code toString}, log lines or
 * exception messages. {@link io.litj.client.FileSessionStore} writes owner-only files. The package
 * {@code io.litj.client.internal} is not API.
 */
package io.litj.client;
