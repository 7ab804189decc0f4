package io.litj.cli;

import io.litj.devnet.evm.AnvilChainFile;
import io.litj.node.LitNodeException;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Which registry a reading command ({@code litj pkp list|show}, {@code litj capacity list|show}) reads: the devnet
 * in {@code --data} (its SQLite registry, or the chain its {@code contracts.json} names for a {@code --chain anvil}
 * devnet), or a chain deployment given by {@code --rpc-url} and {@code --staking} (the other contracts are the ones
 * Staking names). Chain reads go through {@link EvmRegistry} without a cache, as the nodes read.
 */
final class RegistryOptions {
    @Option(names = "--data", description = "devnet data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
    Path data;
    @Option(names = "--rpc-url", paramLabel = "URL",
            description = "read a chain deployment instead of a devnet: the chain's JSON-RPC URL (with --staking)")
    URI rpcUrl;
    @Option(names = "--staking", paramLabel = "ADDRESS",
            description = "the deployment's Staking contract (with --rpc-url)")
    String staking;

    /** The registry; the caller closes it. */
    Registry open() {
        if ((rpcUrl == null) != (staking == null)) {
            throw CliException.usage("give --rpc-url and --staking together");
        }
        if (rpcUrl != null) {
            if (data != null) {
                throw CliException.usage("give either --data or --rpc-url with --staking, not both");
            }
            EthAddress at;
            try {
                at = EthAddress.parse(staking, "--staking");
            } catch (LitProtocolException e) {
                throw CliException.usage(e.getMessage());
            }
            return openChain(rpcUrl, () -> EvmRegistry.openAt(rpcUrl, at, Clock.systemUTC(), Duration.ZERO));
        }
        DevnetFolder folder = DevnetFolder.of(data);
        Optional<AnvilChainFile> chain = ChainTransactions.chainOf(folder);
        if (chain.isPresent()) {
            return openChain(chain.get().rpcUrl(), () -> EvmRegistry.open(chain.get().rpcUrl(),
                    chain.get().contracts(), Clock.systemUTC(), Duration.ZERO));
        }
        return PkpCommand.openRegistry(data);
    }

    /** How to name this source again in a hint: {@code " --data D"}, {@code " --rpc-url U --staking S"} or "". */
    String args() {
        return rpcUrl != null ? " --rpc-url " + rpcUrl + " --staking " + staking : DevnetFolder.of(data).dataArg();
    }

    private static Registry openChain(URI url, Supplier<Registry> open) {
        try {
            return open.get();
        } catch (LitNodeException e) {
            throw CliException.notRunning("cannot read the registry on the chain at " + url + ": " + e.getMessage());
        }
    }
}
