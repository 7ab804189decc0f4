/**
 * Revocation of session grants before they expire (litj, {@code docs/revocation.md}): the durable
 * {@link io.litj.node.revoke.RevocationBook} the validator consults, and the {@code POST /web/revoke} endpoint
 * that fills it. Peers share revocations through {@code io.litj.node.peer.internal.RevocationPeers}.
 */
package io.litj.node.revoke;
