package io.litj.protocol.chain;

/**
 * The calls litj makes of Lit's {@code RateLimitNFT} (capacity credits), with the types of Lit's ABI; token
 * ownership is {@link Erc721Functions}. Constants only.
 */
public final class RateLimitNftContract {
    /** {@code capacity(uint256) returns ((uint256 requestsPerKilosecond, uint256 expiresAt))}; zeros if unminted. */
    public static final AbiFunction CAPACITY = AbiFunction.of("capacity", "(uint256)", "((uint256,uint256))");
    /** {@code calculateCost(uint256 requestsPerKilosecond, uint256 expiresAt) returns (uint256)}: wei. */
    public static final AbiFunction CALCULATE_COST = AbiFunction.of("calculateCost", "(uint256,uint256)",
            "(uint256)");
    /** {@code mint(uint256 expiresAt) payable returns (uint256)}. */
    public static final AbiFunction MINT = AbiFunction.of("mint", "(uint256)", "(uint256)");

    private RateLimitNftContract() {
    }
}
