package io.litj.cli;

import io.litj.devnet.DevnetConfig;
import io.litj.devnet.evm.AnvilChainFile;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code litj capacity mint|list|show}: capacity credits of a devnet ({@code docs/capacity-credits.md}). {@code mint}
 * records a credit in the devnet's registry (the devnet need not run; running nodes see it at once); {@code list}
 * and {@code show} read the registry. Token ids are decimal, as Datil's {@code RateLimitNFT}. Delegating a credit
 * ({@code litj capacity delegate}) signs with a wallet and has its own class, listed with these subcommands.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "Mint, inspect and delegate capacity credits.",
        subcommands = {CapacityCommand.Mint.class, CapacityCommand.ListCredits.class, CapacityCommand.Show.class,
                CapacityDelegateCommand.class})
final class CapacityCommand {
    /** The longest a minted credit may last. */
    static final int MAX_DAYS = 3650;

    private CapacityCommand() {
    }

    /** {@code litj capacity mint}. */
    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = {"Mint a capacity credit in the devnet's registry.",
                "On a --chain anvil devnet: RateLimitNFT.mint paid by the wallet (--private-key-file or "
                    + "$LITJ_PRIVATE_KEY), then a transfer to --owner if that is another address."})
    static final class Mint implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--owner", required = true, paramLabel = "<0x…>", description = "the address that holds it")
        String owner;
        @Option(names = "--requests-per-kilosecond", required = true, paramLabel = "<n>",
                description = "requests it pays for per 1000 seconds (at least 1)")
        long requestsPerKilosecond;
        @Option(names = "--days", required = true, paramLabel = "<d>",
                description = "how many days it lasts (1 to " + MAX_DAYS + ")")
        int days;
        @Option(names = "--data", description = "devnet data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;
        @Option(names = "--json", description = "print {tokenId, owner, requestsPerKilosecond, expiresAt} as one line")
        boolean json;
        @Mixin
        WalletKeyOptions key = new WalletKeyOptions();

        @Override
        public Integer call() {
            EthAddress holder;
            try {
                holder = EthAddress.parse(owner, "--owner");
            } catch (LitProtocolException e) {
                throw usage(e.getMessage());
            }
            if (requestsPerKilosecond < 1) {
                throw usage("--requests-per-kilosecond must be at least 1, not " + requestsPerKilosecond);
            }
            if (days < 1 || days > MAX_DAYS) {
                throw usage("--days must be in [1, " + MAX_DAYS + "], not " + days);
            }
            DevnetFolder folder = DevnetFolder.of(data);
            Optional<AnvilChainFile> chain = ChainTransactions.chainOf(folder);
            Instant expiresAt = Clock.systemUTC().instant().plus(Duration.ofDays(days));
            CapacityCredit credit;
            if (chain.isPresent()) {
                PrintWriter err = spec.commandLine().getErr();
                try (ChainTransactions tx = ChainTransactions.open(chain.get(), folder, key.wallet(err), err)) {
                    credit = tx.mintCapacityCredit(holder, requestsPerKilosecond, expiresAt);
                }
            } else {
                folder.requireDevnet();
                try (SqliteRegistryWriter writer = SqliteRegistryWriter.open(
                        DevnetConfig.registryFileIn(folder.dir()))) {
                    credit = writer.mintCapacityCredit(holder, requestsPerKilosecond, expiresAt);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsJson.stringify(summary(credit)));
            } else {
                out.println("minted capacity credit " + credit.tokenId());
                describe(out, credit);
            }
            out.flush();
            return Exit.OK;
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** {@code litj capacity list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the capacity credits of the "
            + "devnet's registry or of a chain deployment (--rpc-url, --staking).",
        "A chain listing reads at most " + EvmRegistry.MAX_LISTED + " tokens."})
    static final class ListCredits implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RegistryOptions source = new RegistryOptions();
        @Option(names = "--json", description = "print a JSON array of {tokenId, owner, requestsPerKilosecond, "
                + "expiresAt}")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = source.open()) {
                List<CapacityCredit> credits = registry.capacityCredits();
                if (json) {
                    List<JsonValue> items = new ArrayList<>();
                    credits.forEach(c -> items.add(summary(c)));
                    out.println(JsJson.stringify(new JsonValue.JsonArray(items)));
                } else if (credits.isEmpty()) {
                    out.println("no capacity credits yet; mint one with: litj capacity mint --owner <0x…> "
                            + "--requests-per-kilosecond <n> --days <d>" + source.args());
                } else {
                    credits.forEach(c -> out.println(c.tokenId() + "  " + c.owner().toChecksumString() + "  "
                            + c.requestsPerKilosecond() + "/ks  until " + c.expiresAt()));
                }
                if (credits.size() >= EvmRegistry.MAX_LISTED) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("litj: listed the first " + EvmRegistry.MAX_LISTED + " capacity credits only");
                    err.flush();
                }
            }
            out.flush();
            return Exit.OK;
        }
    }

    /** {@code litj capacity show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one capacity credit (devnet registry or chain deployment).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<tokenId>", description = "its token id (decimal)")
        String tokenId;
        @Mixin
        RegistryOptions source = new RegistryOptions();
        @Option(names = "--json", description = "print {tokenId, owner, requestsPerKilosecond, expiresAt}")
        boolean json;

        @Override
        public Integer call() {
            String hint = "; `litj capacity list" + source.args() + "` lists them";
            if (!CapacityCredit.isTokenId(tokenId)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + tokenId + "' is no capacity "
                        + "token id: a token id is a decimal number such as 1" + hint);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = source.open()) {
                CapacityCredit credit = registry.capacityCredit(tokenId).orElseThrow(() -> CliException.local(
                        "no capacity credit " + tokenId + " in " + registry + hint));
                if (json) {
                    out.println(JsJson.stringify(summary(credit)));
                } else {
                    out.println("capacity credit " + credit.tokenId());
                    describe(out, credit);
                }
            }
            out.flush();
            return Exit.OK;
        }
    }


    static JsonValue.JsonObject summary(CapacityCredit c) {
        return JsonValue.object().put("tokenId", c.tokenId()).put("owner", c.owner().toChecksumString())
                .put("requestsPerKilosecond", new JsonValue.JsonNumber(c.requestsPerKilosecond()))
                .put("expiresAt", c.expiresAt().toString()).build();
    }

    private static void describe(PrintWriter out, CapacityCredit c) {
        out.println("  owner                  " + c.owner().toChecksumString());
        out.println("  requestsPerKilosecond  " + c.requestsPerKilosecond());
        out.println("  expiresAt              " + c.expiresAt());
    }
}
