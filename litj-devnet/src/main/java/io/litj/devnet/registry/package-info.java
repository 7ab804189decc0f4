/**
 * The devnet's writes to its SQLite registry ({@link io.litj.devnet.registry.SqliteRegistryWriter}): creating the
 * file, appending and pruning blocks, recording minted PKPs. Nodes never write a registry; they read it through
 * {@code io.litj.node.registry.Registry}. The file's layout has one home, {@code
 * io.litj.node.registry.internal.RegistrySchema}. Nothing here returns null.
 */
package io.litj.devnet.registry;
