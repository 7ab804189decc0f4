package io.litj.protocol.crypto;

/**
 * Something that holds an Ethereum account and signs EIP-191 personal messages with it: a private key, a web3j
 * {@code Credentials}, a hardware wallet, a remote signer.
 *
 * <p>Implementations never print or log key material.
 */
public interface EthSigner {
    /** The account's address. */
    EthAddress address();

    /** Signs the UTF-8 bytes of {@code message} with EIP-191 {@code personal_sign}. */
    EthSignature signPersonalMessage(String message);
}
