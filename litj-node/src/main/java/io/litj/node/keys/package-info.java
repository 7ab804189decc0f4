/**
 * A node's own keys, persisted atomically in owner-only files of its data folder: its Ed25519 identity (and the
 * X25519 pair derived from it, to receive secrets from other nodes), its wallet, and its shares of the network BLS
 * key and of PKP keys ({@link io.litj.node.keys.KeyShareStore}); plus the network's admin token. Secrets live in
 * final classes that never print them; nothing returns {@code null}: absent values are {@code Optional}.
 */
package io.litj.node.keys;
