package io.litj.cli;

import io.litj.devnet.evm.EvmRegistryWriter;
import io.litj.node.registry.EvmRegistry;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj chain deploy|admit|seal|pool}: the Staking owner's steps of a network on an EVM chain (see
 * {@code docs/deploy.md}). {@code deploy} and {@code pool} have their own classes; {@code admit} lets a node's wallet
 * join; {@code seal} advances the epoch, after which the listed nodes make the network key among themselves.
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "The Staking owner's steps for a network on an EVM chain.",
        subcommands = {ChainCommand.Admit.class, ChainCommand.Seal.class, ChainDeployCommand.class,
            ChainPoolCommand.class})
final class ChainCommand {
    /** What every owner step needs: the chain, the Staking contract and the owner's key. */
    static final class OwnerOptions {
        @Option(names = "--rpc-url", required = true, description = "the chain's JSON-RPC URL")
        URI rpcUrl;
        @Option(names = "--staking", required = true, paramLabel = "ADDRESS", description = "the Staking contract")
        String staking;
        @Option(names = "--admin-key-file", required = true, paramLabel = "FILE",
                description = "file whose first line is the Staking owner's private key (hex)")
        Path adminKeyFile;

        /** Runs {@code step} with a writer sending as the owner. */
        void asOwner(java.util.function.Consumer<EvmRegistryWriter> step) {
            asOwner((registry, writer) -> {
                step.accept(writer);
                return null;
            });
        }

        /** Runs {@code step} with the deployment's registry (cached as a node's) and a writer sending as the owner. */
        <T> T asOwner(java.util.function.BiFunction<EvmRegistry, EvmRegistryWriter, T> step) {
            PrivateKeyEthSigner owner = PrivateKeyEthSigner.fromHex(WalletOptions.readKeyFile(adminKeyFile).strip());
            try (EvmRegistry registry = EvmRegistry.openAt(rpcUrl, EthAddress.parse(staking, "--staking"),
                    Clock.systemUTC(), EvmRegistry.DEFAULT_CACHE_TTL);
                 ChainWallet wallet = new ChainWallet(rpcUrl, owner)) {
                return step.apply(registry, new EvmRegistryWriter(registry.contracts(), wallet.sender()));
            }
        }
    }

    @Command(name = "admit", mixinStandardHelpOptions = true,
            description = "Admit a node's wallet as staker, so that it may join (litj node register).")
    static final class Admit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        OwnerOptions owner = new OwnerOptions();
        @Option(names = "--staker", required = true, paramLabel = "ADDRESS",
                description = "the node's wallet address (litj node init prints it)")
        String staker;

        @Override
        public Integer call() {
            EthAddress address = EthAddress.parse(staker, "--staker");
            owner.asOwner(w -> w.admitStaker(address));
            spec.commandLine().getOut().println("admitted staker " + address.toChecksumString());
            return Exit.OK;
        }
    }

    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = "Seal the validator set (advanceEpoch): the listed nodes then make the network key.")
    static final class Seal implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        OwnerOptions owner = new OwnerOptions();

        @Override
        public Integer call() {
            owner.asOwner(EvmRegistryWriter::advanceEpoch);
            spec.commandLine().getOut().println("advanced the epoch; the listed nodes now make the network key");
            return Exit.OK;
        }
    }
}
