package io.litj.protocol.auth;

import io.litj.protocol.crypto.EthAddress;

/**
 * Verifies a contract wallet's (EIP-1271) capability signature on the node's chain: {@code isValidSignature(digest,
 * signature)} on the wallet must answer {@link io.litj.protocol.chain.Erc1271#MAGIC_VALUE}. Plugged into
 * {@link SessionSigValidator}; implemented by the node over its registry's JSON-RPC endpoint. Without one, an
 * EIP-1271 capability is refused with {@code NodeEip1271NeedsEvmChain}.
 *
 * <p>Security: {@link #verify} returns nothing and throws on every refusal, so a forgotten result cannot let a
 * signature through. The digest is computed by the validator from the exact {@code signedMessage}
 * ({@code docs/validation.md}); an implementation only asks the chain.
 */
@FunctionalInterface
public interface ContractSignatureVerifier {
    /** The longest {@code sig} an EIP-1271 capability may carry, in bytes (16 ECDSA signatures are 1,040). */
    int MAX_SIGNATURE_BYTES = 2048;

    /**
     * Passes if the contract at {@code wallet} answers the magic value for {@code digest} and {@code signature};
     * throws otherwise.
     *
     * @throws io.litj.protocol.LitProtocolException {@code NodeContractAuthsigUnauthorized} when the contract answers
     *     anything else, reverts or has no code; {@code NodeBlockchainError} when the chain cannot be reached or gives
     *     no answer in time
     */
    void verify(EthAddress wallet, byte[] digest, byte[] signature);
}
