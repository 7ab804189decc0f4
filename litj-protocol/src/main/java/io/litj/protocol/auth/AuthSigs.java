package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweRenderer;
import java.util.Optional;

/** Making wallet AuthSigs, as the JS SDK's {@code generateAuthSig} does, and contract-wallet (EIP-1271) ones. */
public final class AuthSigs {
    private AuthSigs() {
    }

    /**
     * Signs {@code message} (EIP-191) and returns
     * {@code {sig: 0x…, derivedVia: "web3.eth.personal.sign", signedMessage, address: <EIP-55>}}.
     */
    public static AuthSig generate(EthSigner signer, String message) {
        String sig = signer.signPersonalMessage(message).toHex();
        return AuthSig.of(sig, AuthSig.WALLET_DERIVED_VIA, message, signer.address().toChecksumString(),
                Optional.empty());
    }

    /**
     * A contract wallet's AuthSig: {@code {sig: 0x<signature>, derivedVia: "EIP1271", signedMessage: message, address:
     * <wallet, EIP-55>}}. {@code signature} is whatever the wallet's {@code isValidSignature} accepts for
     * {@code Eip191.hash(message)} (for a multisig, its owners' signatures of that digest, e.g. with
     * {@link io.litj.protocol.crypto.PrivateKeyEthSigner#signDigest}); nodes ask the wallet on their chain.
     *
     * @throws LitProtocolException {@code InvalidArgument} for an empty signature or one longer than
     *     {@value ContractSignatureVerifier#MAX_SIGNATURE_BYTES} bytes
     */
    public static AuthSig eip1271(EthAddress wallet, String message, byte[] signature) {
        if (signature.length == 0 || signature.length > ContractSignatureVerifier.MAX_SIGNATURE_BYTES) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "an EIP-1271 signature must be 1 to "
                    + ContractSignatureVerifier.MAX_SIGNATURE_BYTES + " bytes but is " + signature.length);
        }
        return AuthSig.of("0x" + Hex.encode(signature), AuthSig.CONTRACT_DERIVED_VIA, message,
                wallet.toChecksumString(), Optional.empty());
    }

    /** Renders and signs {@code message}. */
    public static AuthSig generate(EthSigner signer, SiweMessage message) {
        return generate(signer, SiweRenderer.render(message));
    }

    /**
     * A capacity-delegation AuthSig ({@code createCapacityDelegationAuthSig}): the owner signs a SIWE with URI
     * {@value CapacityDelegation#URI} granting {@code delegation}; {@code siwe} supplies nonce, clock, expiration
     * and the other fields (its URI and resources are replaced).
     */
    public static AuthSig capacityDelegation(EthSigner owner, LitSiweBuilder siwe, CapacityDelegation delegation) {
        SiweMessage message = siwe.uri(CapacityDelegation.URI).capacityDelegation(delegation).build();
        if (!message.ethAddress().equals(owner.address())) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "capacity delegation SIWE is for "
                    + message.address() + " but the owner signing it is " + owner.address());
        }
        return generate(owner, message);
    }
}
