package io.litj.cli;

import io.litj.devnet.evm.AnvilChainFile;
import io.litj.devnet.evm.AnvilProcess;
import io.litj.devnet.evm.EvmRegistryWriter;
import io.litj.devnet.evm.EvmRevertException;
import io.litj.devnet.evm.EvmSender;
import io.litj.node.LitNodeException;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code litj pkp mint|permit} and {@code litj capacity mint} on an anvil devnet (its data folder holds
 * {@link AnvilChainFile}): transactions on its chain from the command's wallet ({@link WalletKeyOptions}), which is
 * given dev-chain ether first if it has less than {@link #LOW_BALANCE}. A transaction the contract refuses exits
 * {@link Exit#REFUSED} with the contract's revert reason; a chain that does not answer exits
 * {@link Exit#NOT_RUNNING}. What was written is read back through an {@link EvmRegistry}, as the nodes read it.
 */
final class ChainTransactions implements AutoCloseable {
    static final BigInteger LOW_BALANCE = BigInteger.TEN.pow(18);
    private static final BigInteger TOP_UP = BigInteger.TEN.pow(21);
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@link #mintPkp} waits for the devnet's refiller when the key pool is empty. */
    static final Duration KEY_WAIT = Duration.ofSeconds(60);
    private static final Duration KEY_POLL = Duration.ofMillis(200);

    private final AnvilChainFile chain;
    private final EthRpc rpc;
    private final EvmSender wallet;
    private final EvmRegistryWriter writer;
    private final EvmRegistry registry;

    private ChainTransactions(AnvilChainFile chain, EthRpc rpc, EvmSender wallet) {
        this.chain = chain;
        this.rpc = rpc;
        this.wallet = wallet;
        this.writer = new EvmRegistryWriter(chain.contracts(), wallet);
        this.registry = EvmRegistry.open(chain.rpcUrl(), chain.contracts(), Clock.systemUTC(), Duration.ZERO);
    }

    /** The chain of {@code folder}'s devnet, if it is an anvil devnet. */
    static Optional<AnvilChainFile> chainOf(DevnetFolder folder) {
        try {
            return AnvilChainFile.read(folder.dir());
        } catch (LitNodeException e) {
            throw CliException.local(e.getMessage());
        }
    }

    /**
     * Transactions on {@code chain} from {@code walletKey}'s wallet (funded when low).
     *
     * @throws CliException exit 3 if the chain does not answer
     */
    static ChainTransactions open(AnvilChainFile chain, DevnetFolder folder, PrivateKeyEthSigner walletKey,
            PrintWriter err) {
        EthRpc rpc = new EthRpc(chain.rpcUrl(), RPC_TIMEOUT);
        EvmSender sender;
        try {
            sender = EvmSender.onChain(rpc, walletKey);
            if (sender.balance().compareTo(LOW_BALANCE) < 0) {
                AnvilProcess.setBalance(rpc, walletKey.address(), TOP_UP);
                err.println("litj: gave " + walletKey.address() + " 1000 dev-chain ether for gas (anvil)");
                err.flush();
            }
        } catch (EthRpcException | LitNodeException e) {
            rpc.close();
            throw CliException.notRunning("the anvil devnet in " + folder.dir() + " does not answer at "
                    + chain.rpcUrl() + " (" + e.getMessage() + "); start one with `litj devnet up --chain anvil"
                    + folder.dataArg() + "`");
        }
        return new ChainTransactions(chain, rpc, sender);
    }

    /** The wallet that sends. */
    EthAddress sender() {
        return wallet.address();
    }

    /**
     * Mints the next pooled key to the wallet ({@code PKPNFT.mintNext}), permits {@code permissions} on it, then gives
     * it to {@code owner} when that is another address. An
     * empty pool (a devnet just started, or many mints in a row) is waited for, at most {@link #KEY_WAIT}, while the
     * devnet's refiller makes a key; after that the contract's refusal says the pool is empty.
     */
    Pkp mintPkp(List<PkpPermission> permissions, Optional<EthAddress> owner, PrintWriter err) {
        return refusedAsExit(() -> {
            awaitPooledKey(err);
            String tokenId = writer.mintNext(wallet, writer.mintCost(wallet));
            for (PkpPermission p : permissions) {
                writer.permit(wallet, tokenId, p);
            }
            owner.ifPresent(to -> writer.transferPkp(wallet, tokenId, to));
            return readPkp(tokenId);
        });
    }

    /** Who holds the PKP now, as the nodes read it. */
    Optional<EthAddress> pkpOwner(Pkp pkp) {
        return PkpCommand.owner(pkp, registry);
    }

    private void awaitPooledKey(PrintWriter err) {
        Instant deadline = Instant.now().plus(KEY_WAIT);
        boolean told = false;
        while (writer.keyPoolSize() == 0 && Instant.now().isBefore(deadline)) {
            if (!told) {
                err.println("litj: the key pool is empty; waiting (at most " + KEY_WAIT.toSeconds()
                        + " s) for the nodes to make a key");
                err.flush();
                told = true;
            }
            try {
                Thread.sleep(KEY_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The wallet, as the PKP's owner, permits {@code permission} ({@code addPermittedAuthMethod}). */
    PkpPermission permit(String tokenId, PkpPermission permission) {
        return refusedAsExit(() -> {
            writer.permit(wallet, tokenId, permission);
            return readPkp(tokenId).permissions().stream()
                    .filter(p -> p.authMethodType() == permission.authMethodType()
                            && p.id().equalsIgnoreCase(permission.id()))
                    .findFirst().orElseThrow(() -> CliException.local("the chain took the permission but PKP "
                            + tokenId + " does not list it"));
        });
    }

    /** The PKP of {@code tokenId} (64 hex), as the nodes read it. */
    Optional<Pkp> pkp(String tokenId) {
        return registry.pkp(tokenId);
    }

    /** The wallet buys a capacity credit and gives it to {@code owner}. */
    CapacityCredit mintCapacityCredit(EthAddress owner, long requestsPerKilosecond, Instant expiresAt) {
        return refusedAsExit(() -> {
            String id = writer.mintCapacityCredit(wallet, requestsPerKilosecond, expiresAt.getEpochSecond(), owner);
            return registry.capacityCredit(id).orElseThrow(() -> CliException.local("capacity credit " + id
                    + " was minted but the chain does not list it"));
        });
    }

    private Pkp readPkp(String tokenId) {
        return registry.pkp(tokenId).orElseThrow(() -> CliException.local("PKP " + tokenId
                + " was minted but the chain does not list it"));
    }

    private <T> T refusedAsExit(Supplier<T> transactions) {
        try {
            return transactions.get();
        } catch (EvmRevertException e) {
            throw CliException.refused("the chain at " + chain.rpcUrl() + " refused the transaction from "
                    + wallet.address() + ": " + e.reason());
        }
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            rpc.close();
        }
    }
}
