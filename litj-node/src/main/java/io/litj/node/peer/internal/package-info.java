/**
 * The node-to-node API and the admin API that drives it: signed, fresh, non-replayed envelopes between the nodes of
 * a registry ({@code POST /litj/peer/v1/dkg}), private DKG shares encrypted to their recipient (X25519 from the
 * identity keys, HKDF-SHA256, AES-256-GCM), and per-session DKG runners that keep only this node's share. Internal:
 * wire formats and classes may change; {@code docs/dkg.md} describes them.
 */
package io.litj.node.peer.internal;
