/** A node's own keys, persisted atomically in owner-only files of its data folder. */
package io.litj.node.keys;
