package io.litj.node.registry;

import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.ContractSignatureVerifier;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.Erc1271;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * EIP-1271 on the registry's chain: one {@code eth_call} of {@code isValidSignature(digest, signature)} on the wallet
 * per question, through the registry's {@link EthRpc} (its time bound and answer size limit). A wallet that answered
 * the magic value is believed for {@link #CACHE_TTL} (by the injected clock) for the same wallet, digest and
 * signature, so a session's repeated requests do not ask again; a refusal or a chain failure is never kept.
 *
 * <p>Codes: any answer but the magic value, a revert, a wallet with no code (empty answer) →
 * {@code NodeContractAuthsigUnauthorized}; no answer (timeout, transport, HTTP or non-revert JSON-RPC error) →
 * {@code NodeBlockchainError}. Thread-safe.
 */
final class EvmContractSignatures implements ContractSignatureVerifier {
    /** How long a wallet's "signed" answer is believed. */
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 4096;

    private final EthRpc rpc;
    private final TtlCache<String, Boolean> signed;

    EvmContractSignatures(EthRpc rpc, Clock clock) {
        this.rpc = rpc;
        this.signed = new TtlCache<>(clock, CACHE_TTL, MAX_CACHED);
    }

    @Override
    public void verify(EthAddress wallet, byte[] digest, byte[] signature) {
        signed.get(key(wallet, digest, signature), k -> Optional.of(ask(wallet, digest, signature)));
    }

    private boolean ask(EthAddress wallet, byte[] digest, byte[] signature) {
        String data = Erc1271.IS_VALID_SIGNATURE.encodeCall(List.of(new AbiValue.FixedBytes(Bytes.of(digest)),
                new AbiValue.DynamicBytes(Bytes.of(signature)))).hex0x();
        String answer;
        try {
            answer = rpc.ethCall(wallet.toChecksumString(), data);
        } catch (EthRpcException e) {
            if (e.rpcErrorCode().isPresent() && e.getMessage().contains("revert")) {
                throw unauthorized(wallet, "isValidSignature reverted: " + e.getMessage());
            }
            throw new LitProtocolException(LitErrorCode.NodeBlockchainError, "the chain " + rpc.url()
                    + " did not answer isValidSignature on the EIP-1271 wallet " + wallet + ": " + e.getMessage());
        }
        byte[] returned;
        try {
            returned = Hex.decode0x(answer, "isValidSignature answer");
        } catch (LitProtocolException e) {
            throw unauthorized(wallet, "isValidSignature answered " + Text.cut(answer));
        }
        if (returned.length == 0) {
            throw unauthorized(wallet, "there is no contract at this address (isValidSignature answered nothing)");
        }
        Bytes magic;
        try {
            magic = Erc1271.IS_VALID_SIGNATURE.decodeResult(Bytes.of(returned)).getFirst().asBytes();
        } catch (LitProtocolException e) {
            throw unauthorized(wallet, "isValidSignature answered " + Text.cut(answer) + ", not a bytes4");
        }
        if (returned.length != 32 || !magic.equals(Erc1271.MAGIC_VALUE)) {
            throw unauthorized(wallet, "isValidSignature answered " + Text.cut(answer) + ", not the magic value "
                    + Erc1271.MAGIC_VALUE.hex0x());
        }
        return true;
    }

    private static LitProtocolException unauthorized(EthAddress wallet, String why) {
        return new LitProtocolException(LitErrorCode.NodeContractAuthsigUnauthorized, "EIP-1271 wallet " + wallet
                + " did not accept the capability's signature: " + why);
    }

    private static String key(EthAddress wallet, byte[] digest, byte[] signature) {
        byte[] all = new byte[20 + digest.length + signature.length];
        System.arraycopy(wallet.toByteArray(), 0, all, 0, 20);
        System.arraycopy(digest, 0, all, 20, digest.length);
        System.arraycopy(signature, 0, all, 20 + digest.length, signature.length);
        return Hex.encode(Hashes.keccak256(all));
    }
}
