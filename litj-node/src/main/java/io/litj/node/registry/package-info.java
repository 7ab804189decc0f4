/**
 * What a Lit network knows about itself: nodes, epoch, threshold, recent blocks and PKPs, behind the read-only {@link
 * io.litj.node.registry.Registry} role a node is given. On a devnet it is one embedded SQLite file ({@link
 * io.litj.node.registry.SqliteRegistry} reads it) that the devnet module creates and writes, shared with the chain
 * view and every node process ({@code architecture.md} §5). Nothing here writes the registry. Nothing here returns
 * null: absent values are {@link java.util.Optional}, lists are empty; records are immutable.
 */
package io.litj.node.registry;
