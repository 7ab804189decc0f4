package io.litj.node.registry;

import io.litj.protocol.crypto.EthAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where litj's contracts live on an EVM chain: the addresses an {@link EvmRegistry} reads and a devnet prints
 * ({@link #byLitName()}: the names of Lit's contracts, as the contracts SDK's custom context takes them).
 */
public record EvmContracts(EthAddress staking, EthAddress pubkeyRouter, EthAddress pkpNft, EthAddress pkpPermissions,
                           EthAddress rateLimitNft, EthAddress pkpHelper) {
    public EvmContracts {
        Objects.requireNonNull(staking, "staking");
        Objects.requireNonNull(pubkeyRouter, "pubkeyRouter");
        Objects.requireNonNull(pkpNft, "pkpNft");
        Objects.requireNonNull(pkpPermissions, "pkpPermissions");
        Objects.requireNonNull(rateLimitNft, "rateLimitNft");
        Objects.requireNonNull(pkpHelper, "pkpHelper");
    }

    /** {@code Staking, PubkeyRouter, PKPNFT, PKPPermissions, RateLimitNFT, PKPHelper} to checksummed addresses. */
    public Map<String, String> byLitName() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Staking", staking.toChecksumString());
        out.put("PubkeyRouter", pubkeyRouter.toChecksumString());
        out.put("PKPNFT", pkpNft.toChecksumString());
        out.put("PKPPermissions", pkpPermissions.toChecksumString());
        out.put("RateLimitNFT", rateLimitNft.toChecksumString());
        out.put("PKPHelper", pkpHelper.toChecksumString());
        return out;
    }
}
