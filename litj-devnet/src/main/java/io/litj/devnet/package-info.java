/**
 * A Lit network on one machine ({@code docs/devnet.md}): the launcher ({@link io.litj.devnet.Devnet}) of N
 * {@code io.litj.node.LitNode}s on 127.0.0.1 with its configuration, the DKG coordination through the nodes' admin
 * API (network key and {@link io.litj.devnet.PkpMinter PKPs}; {@code docs/dkg.md}), the chain view and block producer
 * ({@code chain}) and the registry writer ({@code registry}). Nothing here is part of what one node of a real network
 * runs. Loopback only; nothing here returns null.
 */
package io.litj.devnet;
