package io.litj.devnet.evm;

import java.util.Map;
import java.util.Optional;

/**
 * Chain ids that {@code litj chain deploy} refuses unless told {@code --i-know-this-is-a-public-chain}: Lit's own
 * chains and well-known public mainnets, where a deployment costs real money and litj's contracts are not meant to
 * be. Any other id (anvil's 31337, a private chain, a testnet) is deployed to without asking.
 */
public final class PublicChains {
    private static final Map<Long, String> KNOWN = Map.ofEntries(
            Map.entry(175_177L, "Lit Chronicle"),
            Map.entry(175_188L, "Lit Chronicle Yellowstone"),
            Map.entry(1L, "Ethereum mainnet"),
            Map.entry(10L, "OP Mainnet"),
            Map.entry(56L, "BNB Smart Chain"),
            Map.entry(100L, "Gnosis"),
            Map.entry(137L, "Polygon PoS"),
            Map.entry(250L, "Fantom Opera"),
            Map.entry(324L, "zkSync Era"),
            Map.entry(1101L, "Polygon zkEVM"),
            Map.entry(5000L, "Mantle"),
            Map.entry(8453L, "Base"),
            Map.entry(42_161L, "Arbitrum One"),
            Map.entry(42_220L, "Celo"),
            Map.entry(43_114L, "Avalanche C-Chain"),
            Map.entry(59_144L, "Linea"),
            Map.entry(81_457L, "Blast"),
            Map.entry(534_352L, "Scroll"));

    private PublicChains() {
    }

    /** The name of the public chain with id {@code chainId}, or empty if litj does not know it as public. */
    public static Optional<String> name(long chainId) {
        return Optional.ofNullable(KNOWN.get(chainId));
    }
}
