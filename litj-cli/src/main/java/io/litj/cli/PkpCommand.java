package io.litj.cli;

import io.litj.node.LitNodeException;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.PkpMinter;
import io.litj.devnet.evm.AnvilChainFile;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Registry;
import io.litj.node.registry.EvmRegistry;
import io.litj.node.registry.Registry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code litj pkp mint|list|show|permit|sign}: PKPs of a devnet ({@code permit} and {@code sign} have their own
 * classes). {@code mint} runs a DKG among the running devnet's nodes (no
 * process ever holds the private key) and records the key and its permissions in the registry; {@code list} and
 * {@code show} read the registry. Token ids print as {@code 0x} + 64 hex; {@code show} takes them with or without
 * {@code 0x}.
 */
@Command(name = "pkp", mixinStandardHelpOptions = true, description = "Mint, inspect, permit and sign with PKPs.",
        subcommands = {PkpCommand.Mint.class, PkpCommand.ListPkps.class, PkpCommand.Show.class,
            PkpPermitCommand.class, PkpSignCommand.class})
final class PkpCommand {
    static final String CID = "Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{50,}";

    private PkpCommand() {
    }

    /** {@code litj pkp mint}. */
    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = {"Mint a PKP on the running devnet (a secp256k1 DKG among its nodes).",
                "On a --chain anvil devnet: PKPNFT.mintNext of a key the nodes made ahead of time, from the wallet "
                    + "(--private-key-file or $LITJ_PRIVATE_KEY), which owns the PKP, then the permissions."})
    static final class Mint implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--permit-address", paramLabel = "<0x…>",
                description = "an Ethereum address allowed to use the PKP (repeatable)")
        List<String> addresses = new ArrayList<>();
        @Option(names = "--permit-action", paramLabel = "<cid>",
                description = "the IPFS CID of a Lit Action allowed to use the PKP (repeatable)")
        List<String> actions = new ArrayList<>();
        @Option(names = "--scope", defaultValue = "sign-anything",
                description = "scope of every permission: sign-anything or personal-sign (default ${DEFAULT-VALUE})")
        String scope;
        @Option(names = "--owner", paramLabel = "<0x…>", description = "the PKP's owner, who may revoke its grants "
                + "(docs/revocation.md): recorded in the embedded registry (default: none); on a --chain anvil devnet "
                + "the PKPNFT is transferred to it after the permissions (default: the minting wallet keeps it)")
        String owner;
        @Option(names = "--data", description = "devnet data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;
        @Option(names = "--json", description = "print {tokenId, publicKey, ethAddress, owner} as one JSON line")
        boolean json;
        @Option(names = "--verbose", description = "log what happens")
        boolean verbose;
        @Mixin
        WalletKeyOptions key = new WalletKeyOptions();

        @Override
        public Integer call() {
            int scopeId = switch (scope) {
                case "sign-anything" -> PkpPermission.SCOPE_SIGN_ANYTHING;
                case "personal-sign" -> PkpPermission.SCOPE_PERSONAL_SIGN;
                default -> throw usage("--scope must be sign-anything or personal-sign, not " + scope);
            };
            List<PkpPermission> permissions = new ArrayList<>();
            for (String a : addresses) {
                String address;
                try {
                    address = EthAddress.parse(a, "--permit-address").toLowerHex();
                } catch (LitProtocolException e) {
                    throw usage(e.getMessage());
                }
                permissions.add(new PkpPermission(PkpPermission.ETH_WALLET, address, Set.of(scopeId)));
            }
            for (String cid : actions) {
                if (!cid.matches(CID)) {
                    throw usage("--permit-action must be an IPFS CID (Qm… or b…), not " + cid);
                }
                permissions.add(new PkpPermission(PkpPermission.LIT_ACTION, cid, Set.of(scopeId)));
            }
            if (permissions.isEmpty()) {
                throw usage("give at least one --permit-address or --permit-action");
            }
            Optional<EthAddress> holder;
            try {
                holder = Optional.ofNullable(owner).map(o -> EthAddress.parse(o, "--owner"));
            } catch (LitProtocolException e) {
                throw usage(e.getMessage());
            }
            DevnetFolder folder = DevnetFolder.of(data);
            PrintWriter err = spec.commandLine().getErr();
            Optional<AnvilChainFile> chain = ChainTransactions.chainOf(folder);
            Pkp pkp;
            if (chain.isPresent()) {
                try (ChainTransactions tx = ChainTransactions.open(chain.get(), folder, key.wallet(err), err)) {
                    err.println("litj: minting a PKP on " + chain.get().rpcUrl() + " from " + tx.sender()
                            + " (PKPNFT.mintNext, then one transaction per permission)");
                    err.flush();
                    pkp = tx.mintPkp(permissions, holder, err);
                    holder = tx.pkpOwner(pkp);
                }
            } else {
                DevnetState running = folder.requireRunning();
                err.println("litj: minting a PKP (a DKG among the " + running.nodes().size()
                        + " nodes; a few seconds)");
                err.flush();
                try (PkpMinter minter = PkpMinter.open(folder.dir(), new SecureRandom())) {
                    pkp = holder.isPresent() ? minter.mint(holder.get(), permissions) : minter.mint(permissions);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsJson.stringify(summary(pkp, holder).build()));
            } else {
                out.println("minted PKP " + tokenId(pkp));
                out.println("  publicKey   0x" + pkp.publicKey());
                out.println("  ethAddress  " + pkp.ethAddress());
                holder.ifPresent(o -> out.println("  owner       " + o.toChecksumString()));
                pkp.permissions().forEach(p -> out.println("  permits     " + describe(p)));
            }
            out.flush();
            return 0;
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** {@code litj pkp list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the PKPs in the devnet's registry "
            + "or on a chain deployment (--rpc-url, --staking).",
        "A chain listing reads at most " + EvmRegistry.MAX_LISTED + " tokens."})
    static final class ListPkps implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RegistryOptions source = new RegistryOptions();
        @Option(names = "--json", description = "print a JSON array of {tokenId, publicKey, ethAddress, owner}")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = source.open()) {
                List<Pkp> pkps = registry.pkps();
                if (json) {
                    List<JsonValue> items = new ArrayList<>();
                    pkps.forEach(p -> items.add(summary(p, registry).build()));
                    out.println(JsJson.stringify(new JsonValue.JsonArray(items)));
                } else if (pkps.isEmpty()) {
                    out.println("no PKPs yet; mint one with: litj pkp mint --permit-address <0x…>" + source.args());
                } else {
                    pkps.forEach(p -> out.println(tokenId(p) + "  " + p.ethAddress()
                            + owner(p, registry).map(o -> "  owner " + o.toChecksumString()).orElse("")));
                }
                if (pkps.size() >= EvmRegistry.MAX_LISTED) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("litj: listed the first " + EvmRegistry.MAX_LISTED + " PKPs only");
                    err.flush();
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code litj pkp show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one PKP, its owner and its "
            + "permissions (devnet registry or chain deployment).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<pkp>", description = "its token id (64 hex digits), eth address "
                + "(40 hex digits) or public key (04 + 128 hex digits), with or without 0x")
        String tokenId;
        @Mixin
        RegistryOptions source = new RegistryOptions();
        @Option(names = "--json", description = "print the PKP, its owner and its permissions as JSON")
        boolean json;

        @Override
        public Integer call() {
            String id = tokenId.startsWith("0x") || tokenId.startsWith("0X") ? tokenId.substring(2) : tokenId;
            String wanted = id.toLowerCase(Locale.ROOT);
            if (!wanted.matches("[0-9a-f]{64}|[0-9a-f]{40}|04[0-9a-f]{128}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + tokenId + "' names no PKP: a "
                        + "token id is 64 hex digits; an eth address (40 hex digits) or a public key (04 + 128 hex "
                        + "digits) also work; `litj pkp list" + source.args() + "` lists them");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = source.open()) {
                Pkp pkp = find(registry, wanted).orElseThrow(() -> new LitNodeException(
                        LitErrorCode.NodePKPTokenIdNotFound, "no PKP with " + kind(wanted) + " " + wanted + " in "
                        + registry + "; `litj pkp list" + source.args() + "` lists them"));
                Optional<EthAddress> owner = owner(pkp, registry);
                if (json) {
                    List<JsonValue> perms = new ArrayList<>();
                    for (PkpPermission p : pkp.permissions()) {
                        List<JsonValue> scopes = new ArrayList<>();
                        p.scopes().stream().sorted().forEach(s -> scopes.add(new JsonValue.JsonNumber(s)));
                        perms.add(JsonValue.object().put("authMethodType", new JsonValue.JsonNumber(p.authMethodType()))
                                .put("id", p.id()).put("scopes", new JsonValue.JsonArray(scopes)).build());
                    }
                    out.println(JsJson.stringify(summary(pkp, registry).put("permissions",
                            new JsonValue.JsonArray(perms)).build()));
                } else {
                    out.println("PKP " + tokenId(pkp));
                    out.println("  publicKey   0x" + pkp.publicKey());
                    out.println("  ethAddress  " + pkp.ethAddress());
                    owner.ifPresent(o -> out.println("  owner       " + o.toChecksumString()));
                    pkp.permissions().forEach(p -> out.println("  permits     " + describe(p)));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The registry of {@code --data}'s devnet (running or not: list and show only read it), or exit 3. */
    static SqliteRegistry openRegistry(Path data) {
        DevnetFolder folder = DevnetFolder.of(data);
        if (!folder.hasDevnet()) {
            throw CliException.notRunning("there is no devnet in " + folder.dir() + "; start one with `litj devnet "
                    + "up" + folder.dataArg() + "`");
        }
        return SqliteRegistry.open(DevnetConfig.registryFileIn(folder.dir()));
    }

    /**
     * The PKP whose token id (64 hex), eth address (40 hex, searched among the listed PKPs) or uncompressed public
     * key (130 hex, whose keccak is the token id) is {@code hex}.
     */
    static Optional<Pkp> find(Registry registry, String hex) {
        return switch (hex.length()) {
            case 64 -> registry.pkp(hex);
            case 40 -> registry.pkps().stream().filter(p -> p.ethAddress().equalsIgnoreCase("0x" + hex)).findFirst();
            default -> registry.pkp(Pkp.tokenIdOf(Hex.decode(hex, "public key")));
        };
    }

    /** Who holds {@code pkp} (its PKPNFT's owner; on the embedded registry the owner recorded at mint), if known. */
    static Optional<EthAddress> owner(Pkp pkp, Registry registry) {
        return registry.pkpOwner(EthAddress.parse(pkp.ethAddress(), "ethAddress"));
    }

    static String kind(String hex) {
        return hex.length() == 64 ? "token id" : hex.length() == 40 ? "eth address" : "public key";
    }

    private static JsonValue.ObjectBuilder summary(Pkp pkp) {
        return JsonValue.object().put("tokenId", tokenId(pkp)).put("publicKey", "0x" + pkp.publicKey())
                .put("ethAddress", pkp.ethAddress());
    }

    /** {@link #summary(Pkp)} and {@code owner} (checksummed, or null when the registry records none). */
    private static JsonValue.ObjectBuilder summary(Pkp pkp, Registry registry) {
        return summary(pkp, owner(pkp, registry));
    }

    private static JsonValue.ObjectBuilder summary(Pkp pkp, Optional<EthAddress> owner) {
        return summary(pkp).put("owner", owner.<JsonValue>map(o -> new JsonValue.JsonString(o.toChecksumString()))
                .orElse(JsonValue.JsonNull.INSTANCE));
    }

    static String tokenId(Pkp pkp) {
        return "0x" + pkp.tokenId();
    }

    static String describe(PkpPermission p) {
        String kind = p.authMethodType() == PkpPermission.ETH_WALLET ? "EthWallet " : "LitAction ";
        List<String> scopes = new ArrayList<>();
        p.scopes().stream().sorted().forEach(s -> scopes.add(s == PkpPermission.SCOPE_SIGN_ANYTHING
                ? "sign-anything" : s == PkpPermission.SCOPE_PERSONAL_SIGN ? "personal-sign" : "scope " + s));
        return kind + p.id() + " (" + String.join(", ", scopes) + ")";
    }
}
