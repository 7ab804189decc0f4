/**
 * Access-control condition evaluation on a node ({@code lit-node-behaviour.md} §6.3): special parameters, basic EVM
 * conditions (address equality, {@code eth_getBalance}, {@code timestamp}, ERC-20/721/1155 calls), EVM-contract
 * view calls through the protocol module's ABI codec, comparators, and/or operators with nesting, all against the
 * chains a node's config names. Nothing public returns null: absent values are {@code Optional}.
 */
package io.litj.node.acc;
