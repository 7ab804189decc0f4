package io.litj.cli;

import io.litj.devnet.DevnetConfig;
import io.litj.devnet.evm.AnvilChainFile;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj pkp permit}: lets one more wallet address or Lit Action (IPFS CID) use an existing PKP of a devnet,
 * with scopes (1 sign-anything, 2 personal-sign), by writing the devnet's registry, which the nodes read on every
 * request. Scopes add to those the auth method has already (as {@code PKPPermissions.addPermittedAuthMethod}). On a
 * {@code --chain anvil} devnet it is that transaction, sent by the wallet ({@link WalletKeyOptions}), which must own
 * the PKP (the contract's refusal exits 4 with its reason).
 */
@Command(name = "permit", mixinStandardHelpOptions = true, description = {
    "Permit a wallet address or a Lit Action on an existing PKP of the devnet.",
    "Scopes: 1 = sign anything, 2 = personal sign (EIP-191 messages only); they add to existing ones."})
final class PkpPermitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--pkp", required = true, paramLabel = "<pkp>", description = "the PKP's token id (64 hex), "
            + "public key (04 + 128 hex) or eth address (40 hex), 0x optional")
    String pkp;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;
    @Option(names = "--scopes", required = true, split = ",", paramLabel = "<n>",
            description = "comma-separated scopes: 1 (sign anything), 2 (personal sign)")
    List<Integer> scopes;
    @Option(names = "--data", description = "devnet data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
    Path data;
    @Option(names = "--json", description = "print {tokenId, authMethodType, id, scopes} as one JSON line")
    boolean json;
    @Mixin
    WalletKeyOptions key = new WalletKeyOptions();

    /** Exactly one of the two auth methods. */
    static final class Who {
        @Option(names = "--address", required = true, paramLabel = "<0x…>", description = "a wallet address")
        String address;
        @Option(names = "--action", required = true, paramLabel = "<cid>",
                description = "a Lit Action's IPFS CID (Qm… or b…)")
        String action;
    }

    @Override
    public Integer call() {
        PkpPermission permission = new PkpPermission(who.address != null ? PkpPermission.ETH_WALLET
                : PkpPermission.LIT_ACTION, id(), checkedScopes());
        String wanted = pkp.startsWith("0x") || pkp.startsWith("0X") ? pkp.substring(2) : pkp;
        wanted = wanted.toLowerCase(Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{64}|[0-9a-f]{40}|04[0-9a-f]{128}")) {
            throw CliException.usage("--pkp '" + pkp + "' names no PKP: give its token id (64 hex digits), public "
                    + "key (04 + 128 hex digits) or eth address (40 hex digits)");
        }
        DevnetFolder folder = DevnetFolder.of(data);
        Optional<AnvilChainFile> chain = ChainTransactions.chainOf(folder);
        if (chain.isPresent()) {
            return permitOnChain(chain.get(), folder, wanted, permission);
        }
        Pkp found;
        try (SqliteRegistry registry = PkpCommand.openRegistry(data)) {
            String key = wanted;
            found = PkpCommand.find(registry, wanted).orElseThrow(() -> new LitNodeException(
                    LitErrorCode.NodePKPTokenIdNotFound, "no PKP with " + PkpCommand.kind(key) + " " + key + " in "
                    + registry.file() + "; `litj pkp list" + folder.dataArg() + "` lists them"));
        }
        PkpPermission now;
        try (SqliteRegistryWriter writer = SqliteRegistryWriter.open(DevnetConfig.registryFileIn(folder.dir()))) {
            now = writer.permit(found.tokenId(), permission);
        }
        print(found, now);
        return Exit.OK;
    }

    private int permitOnChain(AnvilChainFile chain, DevnetFolder folder, String wanted, PkpPermission permission) {
        String tokenId = switch (wanted.length()) {
            case 64 -> wanted;
            case 130 -> Pkp.tokenIdOf(io.litj.protocol.crypto.Hex.decodeExact(wanted, 65, "--pkp"));
            default -> throw CliException.usage("--pkp on an anvil devnet is the token id (64 hex digits) or the "
                    + "public key (04 + 128 hex digits), not an eth address");
        };
        PrintWriter err = spec.commandLine().getErr();
        try (ChainTransactions tx = ChainTransactions.open(chain, folder, key.wallet(err), err)) {
            Pkp found = tx.pkp(tokenId).orElseThrow(() -> new LitNodeException(LitErrorCode.NodePKPTokenIdNotFound,
                    "no PKP with token id " + tokenId + " on " + chain.rpcUrl()));
            print(found, tx.permit(tokenId, permission));
        }
        return Exit.OK;
    }

    private void print(Pkp found, PkpPermission now) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<JsonValue> list = new ArrayList<>();
            now.scopes().stream().sorted().forEach(s -> list.add(new JsonValue.JsonNumber(s)));
            out.println(JsJson.stringify(JsonValue.object().put("tokenId", PkpCommand.tokenId(found))
                    .put("authMethodType", new JsonValue.JsonNumber(now.authMethodType())).put("id", now.id())
                    .put("scopes", new JsonValue.JsonArray(list)).build()));
        } else {
            out.println("PKP " + PkpCommand.tokenId(found) + " (" + found.ethAddress() + ")");
            out.println("  permits     " + PkpCommand.describe(now));
        }
        out.flush();
    }

    private String id() {
        if (who.address != null) {
            try {
                return EthAddress.parse(who.address, "--address").toLowerHex();
            } catch (LitProtocolException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        if (!who.action.matches(PkpCommand.CID)) {
            throw CliException.usage("--action must be an IPFS CID (Qm… or b…), not " + who.action);
        }
        return who.action;
    }

    private Set<Integer> checkedScopes() {
        Set<Integer> out = new TreeSet<>();
        for (Integer s : scopes) {
            if (s == null || (s != PkpPermission.SCOPE_SIGN_ANYTHING && s != PkpPermission.SCOPE_PERSONAL_SIGN)) {
                throw CliException.usage("--scopes takes 1 (sign anything) and 2 (personal sign), not " + s);
            }
            out.add(s);
        }
        return out;
    }
}
