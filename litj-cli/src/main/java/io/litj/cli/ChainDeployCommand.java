package io.litj.cli;

import io.litj.devnet.evm.AnvilChainFile;
import io.litj.devnet.evm.EvmRevertException;
import io.litj.devnet.evm.LitjContracts;
import io.litj.devnet.evm.PublicChains;
import io.litj.node.LitNodeException;
import io.litj.node.registry.EvmContracts;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj chain deploy}: deploys litj's contracts on any EVM chain by creation transactions of the owner's wallet
 * ({@link LitjContracts#deploy(io.litj.devnet.evm.EvmSender, long)}), Staking at its ordinary creation address, and
 * prints the addresses and the {@code stakingAddress} a node config needs. Refused before any transaction: a chain
 * that does not answer (exit 3), an owner without funds, and a chain id {@link PublicChains} names unless
 * {@code --i-know-this-is-a-public-chain} (exit 4).
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy litj's contracts on an EVM chain; the admin wallet pays and owns them.",
            "Prints the contract addresses and the stakingAddress for each node's config."})
final class ChainDeployCommand implements Callable<Integer> {
    /** The epoch length written into Staking when none is given: one day, as the anvil devnet's. */
    static final long DEFAULT_EPOCH_SECONDS = 86_400;

    @Spec
    CommandSpec spec;
    @Option(names = "--rpc-url", required = true, description = "the chain's JSON-RPC URL")
    URI rpcUrl;
    @Option(names = "--admin-key-file", required = true, paramLabel = "FILE",
            description = "file whose first line is the deploying wallet's private key (hex); it owns the contracts")
    Path adminKeyFile;
    @Option(names = "--epoch-length", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_EPOCH_SECONDS,
            description = "Staking's epoch length in seconds (default ${DEFAULT-VALUE})")
    long epochLength;
    @Option(names = "--i-know-this-is-a-public-chain",
            description = "deploy even on a chain id known as Lit's or a public mainnet (real money)")
    boolean publicChain;
    @Option(names = "--json", description = "print {chainId, rpcUrl, stakingAddress, owner, contracts} as one line")
    boolean json;

    @Override
    public Integer call() {
        if (epochLength < 1) {
            throw CliException.usage("--epoch-length must be at least 1 second, not " + epochLength);
        }
        PrivateKeyEthSigner owner = PrivateKeyEthSigner.fromHex(WalletOptions.readKeyFile(adminKeyFile).strip());
        ChainWallet wallet;
        try {
            wallet = new ChainWallet(rpcUrl, owner);
        } catch (LitNodeException e) {
            throw CliException.notRunning("cannot deploy: " + e.getMessage());
        }
        EvmContracts contracts;
        long chainId;
        try (wallet) {
            chainId = wallet.sender().chainId();
            Optional<String> known = PublicChains.name(chainId);
            if (known.isPresent() && !publicChain) {
                throw CliException.refused("chain id " + chainId + " at " + rpcUrl + " is " + known.get()
                        + ", a public chain: deploying there costs real money; pass --i-know-this-is-a-public-chain "
                        + "if that is what you mean");
            }
            BigInteger balance = balance(wallet);
            if (balance.signum() == 0) {
                throw CliException.refused("the admin wallet " + owner.address().toChecksumString() + " has no funds "
                        + "on chain " + chainId + "; send it ether for the deployment's gas first");
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("litj: deploying litj's contracts on chain " + chainId + " at " + rpcUrl + " from "
                    + owner.address().toChecksumString() + " (9 transactions)");
            err.flush();
            try {
                contracts = LitjContracts.deploy(wallet.sender(), epochLength);
            } catch (EvmRevertException e) {
                throw CliException.refused("the chain at " + rpcUrl + " refused the deployment: " + e.reason());
            }
        }
        JsonValue.JsonObject addresses = new AnvilChainFile(rpcUrl, contracts).contractsJson();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsJson.stringify(JsonValue.object().put("chainId", new JsonValue.JsonNumber(chainId))
                    .put("rpcUrl", rpcUrl.toString()).put("stakingAddress", contracts.staking().toChecksumString())
                    .put("owner", owner.address().toChecksumString()).put("contracts", addresses).build()));
        } else {
            out.println("deployed litj's contracts on chain " + chainId + ", owned by "
                    + owner.address().toChecksumString());
            contracts.byLitName().forEach((name, address) -> out.println("  " + name + " ".repeat(
                    Math.max(1, 16 - name.length())) + address));
            out.println("each node's config: {\"chain\": {\"rpcUrl\": \"" + rpcUrl + "\", \"stakingAddress\": \""
                    + contracts.staking().toChecksumString() + "\"}, \"dataDir\": \"…\"}");
        }
        out.flush();
        return Exit.OK;
    }

    private BigInteger balance(ChainWallet wallet) {
        try {
            return wallet.sender().balance();
        } catch (LitNodeException e) {
            throw CliException.notRunning("cannot deploy: " + e.getMessage());
        }
    }
}
