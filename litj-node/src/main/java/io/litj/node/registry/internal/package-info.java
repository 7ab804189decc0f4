/**
 * The SQLite plumbing of the registry, shared by the node's reader ({@link io.litj.node.registry.SqliteRegistry})
 * and the devnet's writer ({@code io.litj.devnet.registry.SqliteRegistryWriter}) so that the file's layout has one
 * home: the schema and its version check ({@link io.litj.node.registry.internal.RegistrySchema}), the connection
 * pool ({@link io.litj.node.registry.internal.ConnectionPool}) and block row lookups. Not an API: the module
 * descriptor exports this package to {@code io.litj.devnet} only, so javac refuses it to every other module.
 * Nothing here returns null.
 */
package io.litj.node.registry.internal;
