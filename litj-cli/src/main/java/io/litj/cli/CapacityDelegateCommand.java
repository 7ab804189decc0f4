package io.litj.cli;

import io.litj.client.CapacityDelegationRequest;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.siwe.SiweParser;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj capacity delegate}: the credit owner (the wallet of {@link WalletOptions}) signs a capacity delegation
 * as the JS SDK's {@code createCapacityDelegationAuthSig} does, with the network's latest block hash as nonce;
 * {@code --json} prints the AuthSig for {@code --capacity-delegation FILE}. Options are checked before the network
 * is contacted (a bad one exits 2).
 */
@Command(name = "delegate", mixinStandardHelpOptions = true,
        description = "Let other addresses use your capacity credit: sign a delegation AuthSig.")
final class CapacityDelegateCommand implements Callable<Integer> {
    private static final Pattern DELEGATEE_ENTRY = Pattern.compile("delegateeAddresses\\[(\\d+)\\]");

    @Spec
    CommandSpec spec;
    @Mixin
    WalletOptions wallet;
    @Option(names = "--token-id", paramLabel = "ID", description = "the credit to delegate (decimal token id, as "
            + "`litj capacity mint` prints it; default: every credit the wallet holds)")
    String tokenId;
    @Option(names = "--delegatee", paramLabel = "0xADDRESS", description = "an address that may use the credit; "
            + "repeatable (default: anyone who holds the AuthSig)")
    List<String> delegatees;
    @Option(names = "--uses", paramLabel = "N", description = "how many requests the delegation pays for (at least "
            + "1; default: no limit)")
    Long uses;
    @Option(names = "--expiration", description = "ISO time the delegation ends (default: in 7 days)")
    String expiration;
    @Option(names = "--domain", description = "SIWE domain (default: localhost)")
    String domain;
    @Option(names = "--statement", description = "SIWE statement (default: the JS SDK's test statement)")
    String statement;
    @Option(names = "--json", description = "print the AuthSig JSON only (for --capacity-delegation FILE)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CapacityDelegationRequest request = request(wallet.wallet(err));
        if (delegatees == null) {
            err.println("warning: no --delegatee: anyone who holds this AuthSig can spend the credit");
            err.flush();
        }
        AuthSig authSig;
        try (LitClient client = wallet.network.connect(err, new InMemorySessionStore())) {
            authSig = client.createCapacityDelegationAuthSig(request);
        }
        if (json) {
            out.println(authSig.toJsonString());
        } else {
            out.println("owner       " + authSig.address());
            out.println("credit      " + request.capacityTokenId().map(id -> "token " + id)
                    .orElse("every credit of the owner"));
            out.println("delegatees  " + request.delegateeAddresses().map(List::toString).orElse("anyone"));
            out.println("uses        " + (request.uses().isPresent() ? request.uses().getAsLong() : "no limit"));
            out.println("expires     " + SiweParser.parse(authSig.signedMessage()).expirationTime().orElse("never"));
            out.println("save it with --json, e.g. `litj capacity delegate … --json > delegation.json`, then pass"
                    + " --capacity-delegation delegation.json to `litj exec` or `litj session create`");
        }
        out.flush();
        return Exit.OK;
    }

    /** The options as a request; a bad one is a usage error naming the option. */
    private CapacityDelegationRequest request(EthSigner owner) {
        CapacityDelegationRequest.Builder b = CapacityDelegationRequest.builder(owner);
        if (tokenId != null) {
            b.capacityTokenId(tokenId);
        }
        if (delegatees != null) {
            b.delegateeAddresses(delegatees);
        }
        if (uses != null) {
            b.uses(uses);
        }
        if (expiration != null) {
            b.expiration(IsoOption.parse("--expiration", expiration));
        }
        if (domain != null) {
            b.domain(domain);
        }
        if (statement != null) {
            b.statement(statement);
        }
        try {
            return b.build();
        } catch (LitClientException e) {
            if (e.code() != LitErrorCode.InvalidArgument) {
                throw e;
            }
            throw CliException.usage(optionNames(e.getMessage()));
        }
    }

    /** The SDK's field names in {@code message} replaced by the options that set them. */
    static String optionNames(String message) {
        Matcher m = DELEGATEE_ENTRY.matcher(message.replace("capacityTokenId", "--token-id")
                .replace("uses must", "--uses must").replace("domain must", "--domain must")
                .replace("statement must", "--statement must"));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, "--delegatee #" + (Integer.parseInt(m.group(1)) + 1));
        }
        return m.appendTail(b).toString();
    }
}
