/**
 * What litj reads from and answers for an Ethereum chain, as bytes and JSON only: the Solidity contract ABI
 * ({@link io.litj.protocol.chain.AbiCodec} over {@link io.litj.protocol.chain.AbiType}s and
 * {@link io.litj.protocol.chain.AbiValue}s, {@link io.litj.protocol.chain.AbiFunction} for selectors and call
 * data), the calls of Lit's contracts, one class per contract ({@link io.litj.protocol.chain.StakingContract}),
 * and the JSON-RPC 2.0 envelopes ({@link io.litj.protocol.chain.JsonRpcRequest},
 * {@link io.litj.protocol.chain.JsonRpcResponse}, {@link io.litj.protocol.chain.JsonRpcError}, and
 * {@link io.litj.protocol.chain.JsonRpcBatch} for the server side of a body).
 *
 * <p>The client's connect and the devnet's chain view both speak through these types, and a test decodes their
 * output with the JS SDK's own ethers v5 coder and Staking ABI. Decoding is strict and bounded, for answers from an
 * RPC endpoint nobody vouches for. No I/O: callers send and receive. Nothing public returns {@code null}: absent is
 * {@link java.util.Optional}, lists are empty. Standards: the Solidity "Contract ABI Specification", JSON-RPC 2.0,
 * the Ethereum JSON-RPC API.
 */
package io.litj.protocol.chain;
