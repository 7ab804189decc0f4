/**
 * What a Lit network knows about itself: nodes, epoch, threshold and recent blocks, behind the {@link
 * io.litj.node.registry.Registry} role. On a devnet it is one embedded SQLite file ({@link
 * io.litj.node.registry.SqliteRegistry}) shared by the launcher, the chain view and every node process
 * ({@code architecture.md} §5). Nothing here returns null: absent values are {@link java.util.Optional}, lists are
 * empty; records are immutable.
 */
package io.litj.node.registry;
