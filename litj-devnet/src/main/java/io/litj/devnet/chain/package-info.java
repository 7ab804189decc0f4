/**
 * What Lit clients read from "the chain" on a devnet, served from the registry: devnet blocks advancing on a timer
 * ({@link io.litj.devnet.chain.BlockProducer}), the Staking contract's
 * {@code getActiveUnkickedValidatorStructsAndCounts()} result in Solidity ABI encoding (through
 * {@link io.litj.protocol.chain.StakingContract}), and a loopback Ethereum JSON-RPC endpoint plus the block-indexer
 * route {@code /get_most_recent_valid_block} ({@link io.litj.devnet.chain.ChainView}). See
 * {@code js-sdk-against-local-nodes.md} for what the Lit JS SDK 7.4.0 reads at {@code connect()} and
 * {@code js-sdk-v7-wire-format.md} §7. Nothing here talks to a real chain; the chain view binds 127.0.0.1 only.
 */
package io.litj.devnet.chain;
