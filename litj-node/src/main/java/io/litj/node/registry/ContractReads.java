package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * {@code eth_call}s of contract functions with decoded answers, for {@link EvmRegistry}. A chain that does not answer
 * or answers garbage is {@code NodeSystemFault} naming the function; a revert is a distinct {@link Optional#empty()}
 * from {@link #tryCall} (an ERC-721 {@code ownerOf} of a token that does not exist reverts).
 */
final class ContractReads {
    private final EthRpc rpc;

    ContractReads(EthRpc rpc) {
        this.rpc = rpc;
    }

    /** The decoded return values of {@code f(args)} on {@code contract}. */
    List<AbiValue> call(EthAddress contract, AbiFunction f, AbiValue... args) {
        return tryCall(contract, f, args).orElseThrow(() -> fault(f, "the call reverted", null));
    }

    /** The return data of {@code f(args)} on {@code contract}, {@code 0x} + hex, undecoded. */
    String callHex(EthAddress contract, AbiFunction f, AbiValue... args) {
        return tryCallHex(contract, f, args).orElseThrow(() -> fault(f, "the call reverted", null));
    }

    /** As {@link #call}, or empty if the call reverted. */
    Optional<List<AbiValue>> tryCall(EthAddress contract, AbiFunction f, AbiValue... args) {
        Optional<String> found = tryCallHex(contract, f, args);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String answer = found.get();
        try {
            return Optional.of(f.decodeResult(Bytes.fromHex(answer, f.name())));
        } catch (LitProtocolException e) {
            throw fault(f, "malformed answer: " + e.getMessage(), e);
        }
    }

    private Optional<String> tryCallHex(EthAddress contract, AbiFunction f, AbiValue... args) {
        try {
            return Optional.of(rpc.ethCall(contract.toChecksumString(), f.encodeCall(List.of(args)).hex0x()));
        } catch (EthRpcException e) {
            if (e.rpcErrorCode().isPresent() && e.getMessage().contains("revert")) {
                return Optional.empty();
            }
            throw fault(f, e.getMessage(), e);
        }
    }

    /** {@code method(params)} as is. */
    JsonValue raw(String method, List<JsonValue> params) {
        try {
            return rpc.call(method, params);
        } catch (EthRpcException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry chain " + rpc.url() + ": " + method
                    + ": " + e.getMessage(), List.of(), e);
        }
    }

    /** A hex quantity ({@code 0x…}, at most 15 digits) of an answer. */
    long quantity(JsonValue value, String what) {
        if (value instanceof JsonValue.JsonString s && s.value().matches("0x[0-9a-fA-F]{1,15}")) {
            return Long.parseLong(s.value().substring(2), 16);
        }
        throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry chain " + rpc.url() + ": " + what
                + " is not a hex quantity");
    }

    private LitNodeException fault(AbiFunction f, String why, Throwable cause) {
        return new LitNodeException(LitErrorCode.NodeSystemFault, "registry chain " + rpc.url() + ": "
                + f.signature() + ": " + why, List.of(), cause);
    }
}
