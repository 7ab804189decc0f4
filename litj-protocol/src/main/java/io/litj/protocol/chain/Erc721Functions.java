package io.litj.protocol.chain;

/**
 * The enumerable ERC-721 reads litj makes of Lit's token contracts ({@code PKPNFT}, {@code RateLimitNFT}): who holds
 * a token, how many there are and which. Constants only.
 */
public final class Erc721Functions {
    /** {@code ownerOf(uint256) returns (address)}; reverts for a token that does not exist. */
    public static final AbiFunction OWNER_OF = AbiFunction.of("ownerOf", "(uint256)", "(address)");
    /** {@code balanceOf(address) returns (uint256)}. */
    public static final AbiFunction BALANCE_OF = AbiFunction.of("balanceOf", "(address)", "(uint256)");
    /** {@code totalSupply() returns (uint256)}. */
    public static final AbiFunction TOTAL_SUPPLY = AbiFunction.of("totalSupply", "()", "(uint256)");
    /** {@code tokenByIndex(uint256) returns (uint256)}: in mint order. */
    public static final AbiFunction TOKEN_BY_INDEX = AbiFunction.of("tokenByIndex", "(uint256)", "(uint256)");
    /** {@code tokenOfOwnerByIndex(address,uint256) returns (uint256)}. */
    public static final AbiFunction TOKEN_OF_OWNER_BY_INDEX = AbiFunction.of("tokenOfOwnerByIndex",
            "(address,uint256)", "(uint256)");
    /** {@code transferFrom(address,address,uint256)}. */
    public static final AbiFunction TRANSFER_FROM = AbiFunction.of("transferFrom", "(address,address,uint256)", "()");

    private Erc721Functions() {
    }
}
