package io.litj.cli;

import io.litj.devnet.PkpKeyPool;
import io.litj.devnet.PkpMinter;
import io.litj.node.LitNodeException;
import io.litj.node.keys.AdminToken;
import io.litj.protocol.LitErrorCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj chain pool}: the operator keeps PubkeyRouter's pool of PKP keys at {@code --target} for a network whose
 * nodes run on separate hosts. The nodes make each key by DKG through their admin API (the operator's admin token,
 * which each node holds in its data folder) and the Staking owner routes it ({@code setRoutingData}): the
 * {@link PkpKeyPool} the anvil devnet runs, with the chain's nodes and threshold. {@code --once} fills the pool and
 * exits; otherwise it keeps refilling until stopped (Ctrl-C).
 */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = {"Keep the chain's PKP key pool at --target keys: the nodes make each key by DKG, the owner "
            + "routes it (setRoutingData).",
            "--once fills it and exits; otherwise runs until stopped."})
final class ChainPoolCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ChainCommand.OwnerOptions owner = new ChainCommand.OwnerOptions();
    @Option(names = "--admin-token-file", required = true, paramLabel = "FILE",
            description = "the operator's admin token, the admin.token each node holds in its data folder")
    Path adminTokenFile;
    @Option(names = "--target", required = true, paramLabel = "N",
            description = "keys to keep pooled (0 to " + PkpKeyPool.MAX_TARGET + ")")
    int target;
    @Option(names = "--once", description = "fill the pool to --target, print how many keys were made, and exit")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        if (target < 0 || target > PkpKeyPool.MAX_TARGET) {
            throw CliException.usage("--target must be in [0, " + PkpKeyPool.MAX_TARGET + "], not " + target);
        }
        AdminToken token = AdminToken.read(adminTokenFile).orElseThrow(() -> new LitNodeException(
                LitErrorCode.InvalidArgument, "no admin token at --admin-token-file " + adminTokenFile));
        SecureRandom random = new SecureRandom();
        PrintWriter out = spec.commandLine().getOut();
        return owner.asOwner((registry, writer) -> {
            PkpKeyPool.Chain chain = PkpKeyPool.Chain.of(writer);
            if (once) {
                try (PkpKeyPool pool = PkpKeyPool.idle(() -> PkpMinter.makeKey(token, registry, random), chain,
                        target)) {
                    int made = pool.fill();
                    out.println("made and routed " + made + " key(s); the pool holds " + chain.poolSize());
                }
                out.flush();
                return Exit.OK;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            try (PkpKeyPool pool = PkpKeyPool.start(() -> PkpMinter.makeKey(token, registry, random), chain, target,
                    PkpKeyPool.Backoff.standard())) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "litj-pool-stop"));
                out.println("keeping the key pool at " + target + " key(s); Ctrl-C stops");
                out.flush();
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Exit.OK;
        });
    }
}
