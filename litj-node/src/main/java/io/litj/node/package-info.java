/**
 * One Lit node, which is all a real network's node runs: {@link io.litj.node.LitNode} (an HTTP server on its
 * registry entry's host and port, built with the {@link io.litj.node.registry.Registry} it reads and the
 * {@link io.litj.node.actions.ActionRuntime} it shares), its {@link io.litj.node.NodeConfig} (the JSON file of
 * {@code litj node --config}) and the module's exception root {@link io.litj.node.LitNodeException}, which becomes
 * the node error body in one place.
 *
 * <p>Standards: the node side of the Lit "Datil" protocol as the JS SDK 7.4.0 speaks it ({@code
 * lit-node-behaviour.md}, {@code js-sdk-v7-wire-format.md}); every protected route goes through
 * {@link io.litj.node.auth.AuthGate}.
 *
 * <p>Must not: open, write or close the registry (whoever starts a node owns it), contain or depend on the devnet
 * ({@code litj-devnet} sits above this module), or return {@code null} from public methods. Subpackages named
 * {@code internal} are not API; the module exports {@code io.litj.node.registry.internal} to {@code io.litj.devnet}
 * only, and the others to no module.
 */
package io.litj.node;
