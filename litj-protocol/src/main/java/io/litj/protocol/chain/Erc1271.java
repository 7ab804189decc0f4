package io.litj.protocol.chain;

import io.litj.protocol.crypto.Bytes;

/**
 * EIP-1271, the signature check of a contract wallet: {@code isValidSignature(bytes32 hash, bytes signature)}
 * answers {@link #MAGIC_VALUE} when the wallet considers {@code signature} its signature of {@code hash}. Constants
 * only.
 */
public final class Erc1271 {
    /** {@code isValidSignature(bytes32,bytes) returns (bytes4)}. */
    public static final AbiFunction IS_VALID_SIGNATURE = AbiFunction.of("isValidSignature", "(bytes32,bytes)",
            "(bytes4)");
    /** {@code 0x1626ba7e}, the selector of {@code isValidSignature(bytes32,bytes)}: the answer for "signed". */
    public static final Bytes MAGIC_VALUE = IS_VALID_SIGNATURE.selector();

    private Erc1271() {
    }
}
