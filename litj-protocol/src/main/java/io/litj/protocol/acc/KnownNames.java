package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.util.Set;

/**
 * The closed lists of names a condition may use, as in the JS SDK's schemas ({@code @lit-protocol/accs-schemas}
 * 0.0.36, {@code LPACC_EVM_BASIC}, {@code LPACC_EVM_CONTRACT}, {@code LPACC_SOL}); the interop test compares them
 * with the installed schemas.
 */
final class KnownNames {
    /** EVM chains of the basic and contract schemas (the two lists are the same set). */
    static final Set<String> EVM_CHAINS = Set.of(
            "0gGalileoTestnet", "0gMainnet", "5fire", "alfajores", "amoy", "arbitrum", "arbitrumSepolia", "aurora",
            "avalanche", "base", "baseGoerli", "baseSepolia", "bitTorrentTestnet", "bitlayer", "bitlayerTestnet",
            "bob", "bsc", "bscTestnet", "bsquared", "bsquaredTestnet", "campNetwork", "campTestnet", "celo", "chiado",
            "chilizMainnet", "chilizTestnet", "chronicleTestnet", "confluxEspaceMainnet", "coreDao", "cronos",
            "elastosIdentityChainMainnet", "elastosIdentityChainTestnet", "elastosSmartChainMainnet",
            "elastosSmartChainTestnet", "eluvio", "ethereum", "evmos", "evmosTestnet", "fantom", "fhenixHelium",
            "fhenixNitrogen", "filecoin", "filecoinCalibrationTestnet", "flowEvmMainnet", "flowEvmTestnet", "fuji",
            "fuse", "goerli", "harmony", "hedera", "hederaTestnet", "holeskyTestnet", "hushedNorthstar", "hyperspace",
            "klaytn", "lineaGoerli", "lineaSepolia", "lisk", "lit", "load", "lukso", "luksoTestnet", "mantle",
            "mantleTestnet", "matchain", "merlin", "merlinTestnet", "moksha", "monadTestnet", "moonbaseAlpha",
            "moonbeam", "moonriver", "mumbai", "optimism", "optimismGoerli", "peaqMainnet", "peaqTestnet", "polygon",
            "publicGoodsNetwork", "rootstock", "rootstockTestnet", "scroll", "scrollSepolia", "sepolia", "skale",
            "skaleCalypso", "skaleCalypsoTestnet", "skaleEuropa", "skaleEuropaTestnet", "skaleTestnet", "skaleTitan",
            "skaleTitanTestnet", "sonicBlazeTestnet", "sonicMainnet", "statusNetworkSepolia", "storyOdyssey",
            "taikoAlethiaMainnet", "taikoHeklaTestnet", "vana", "vanar", "verifyTestnet", "waevEclipseDevnet",
            "waevEclipseTestnet", "xdai", "xdc", "yellowstone", "zkCandySepoliaTestnet", "zkEvm", "zksync",
            "zksyncTestnet", "zora", "zoraGoerli");

    /** Solana chains of {@code LPACC_SOL}. */
    static final Set<String> SOLANA_CHAINS = Set.of("solana", "solanaDevnet", "solanaTestnet");

    /** {@code standardContractType} values of {@code LPACC_EVM_BASIC}. */
    static final Set<String> STANDARD_CONTRACT_TYPES = Set.of("", "ERC20", "ERC721", "ERC721MetadataName", "ERC1155",
            "CASK", "Creaton", "POAP", "timestamp", "MolochDAOv2.1", "ProofOfHumanity", "SIWE", "PKPPermissions",
            "LitAction");

    private KnownNames() {
    }

    /** Refuses a name outside {@code known} with {@code InvalidArgument} (for values built in code). */
    static String require(Set<String> known, String value, String what) {
        if (!known.contains(value)) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, what + " '" + Text.cut(value)
                    + "' is not known");
        }
        return value;
    }
}
