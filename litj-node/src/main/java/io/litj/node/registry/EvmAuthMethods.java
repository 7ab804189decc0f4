package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.node.actions.IpfsCid;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import java.util.Optional;

/**
 * How an auth method id is written in the registry ({@link PkpPermission#id()}) and on chain (Lit's
 * {@code PKPPermissions}): type 1 is the lowercase {@code 0x} address here and its 20 bytes there (or {@code 0x} + 64
 * hex here and those 32 bytes there: keccak256 of {@code "<address>:lit"}, as the contracts SDK writes it); type 2 is the IPFS
 * CID here and the CID's multihash bytes there (as the Lit contracts SDK's {@code addPermittedAction} sends it).
 */
public final class EvmAuthMethods {
    private EvmAuthMethods() {
    }

    /**
     * The on-chain id bytes of auth method {@code id} of {@code type}.
     *
     * @throws LitNodeException {@code InvalidArgument} for a malformed address or CID, or a type other than 1 or 2
     */
    public static byte[] idBytes(int type, String id) {
        return switch (type) {
            case PkpPermission.ETH_WALLET -> id.length() == 66 && id.matches("0x[0-9a-fA-F]{64}")
                    ? Hex.decodeExact(id.substring(2), 32, "auth method id")
                    : EthAddress.parse(id, "auth method id").toByteArray();
            case PkpPermission.LIT_ACTION -> IpfsCid.multihashOf(id).orElseThrow(() -> new LitNodeException(
                    LitErrorCode.InvalidArgument, "auth method id " + Text.cut(id) + " is not a base58 IPFS CID"));
            default -> throw new LitNodeException(LitErrorCode.InvalidArgument, "auth method type " + type
                    + " is not 1 (EthWallet) or 2 (Lit Action)");
        };
    }

    /** The registry's text of on-chain id {@code bytes} of {@code type}; empty for types litj does not read. */
    public static Optional<String> idText(int type, byte[] bytes) {
        return switch (type) {
            case PkpPermission.ETH_WALLET -> bytes.length == 20 || bytes.length == 32
                    ? Optional.of("0x" + Hex.encode(bytes)) : Optional.empty();
            case PkpPermission.LIT_ACTION -> bytes.length == 0 ? Optional.empty()
                    : Optional.of(IpfsCid.ofMultihash(bytes));
            default -> Optional.empty();
        };
    }
}
