/**
 * Ethereum JSON-RPC over HTTP from a node: {@link io.litj.node.rpc.EthRpc}, one endpoint, bounded in time and answer
 * size, shared by the access-control conditions' chain reads and the EVM registry.
 */
package io.litj.node.rpc;
