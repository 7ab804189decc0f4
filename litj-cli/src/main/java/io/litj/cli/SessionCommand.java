package io.litj.cli;

import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.client.SessionRevocationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litj session create|inspect|revoke|list|clear}. */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Create or explain session sigs.",
        subcommands = {SessionCommand.Create.class, InspectCommand.class, SessionCommand.Revoke.class,
                SessionStoreCommands.ListSessions.class, SessionStoreCommands.Clear.class})
final class SessionCommand {

    /**
     * {@code litj session create}: prints session sigs as JSON (the JS SDK's SessionSigsMap); each
     * {@code --capacity-delegation} file is placed ahead of the wallet grant in every session sig; {@code --out FILE}
     * writes them to a file instead.
     */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create session sigs for every node and print them as JSON.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WalletOptions wallet;
        @Option(names = "--resource", description = "<prefix>://<id>[=<ability>], repeatable (default, as the seed "
                + "documents: every ability on every resource, <prefix>://* — warned on stderr)")
        List<String> resources = List.of();
        @Option(names = "--expiration", description = "ISO time the session ends (default: in 24 hours; at most 30 "
                + "days)")
        String expiration;

        @Mixin
        CapacityDelegationOptions capacity;
        @Option(names = "--out", paramLabel = "FILE", description = "write the session sigs to FILE (owner-only) "
                + "instead of printing them; use it with `litj exec --session FILE` and `litj session revoke`")
        Path out;

        @Override
        public Integer call() {
            List<ResourceAbilityRequest> requests = ResourceSpecs.parse(resources);
            SessionTerms.Builder terms = SessionTerms.builder().resourceAbilityRequests(requests)
                    .capabilityAuthSigs(capacity.authSigs(Instant.now()));
            if (expiration != null) {
                terms.expiration(IsoOption.parse("--expiration", expiration));
            }
            SessionTerms built = terms.build();
            if (built.usesDefaultResources()) {
                warnEverything(spec.commandLine().getErr(), built);
            }
            try (LitClient client = wallet.connect(spec.commandLine().getErr())) {
                SessionSigs sigs = client.getSessionSigs(SessionRequest.of(built,
                        wallet.wallet(spec.commandLine().getErr())));
                PrintWriter stdout = spec.commandLine().getOut();
                if (out != null) {
                    SessionFile.write(out, sigs);
                    stdout.println("session sigs for " + sigs.byNodeUrl().size() + " nodes written to " + out);
                } else {
                    stdout.println(sigs.toJsonString());
                }
                stdout.flush();
            }
            return 0;
        }

        /** The seeds' default grants everything: say so where a person will see it, before anything is signed. */
        static void warnEverything(PrintWriter err, SessionTerms terms) {
            err.println("WARNING: no --resource given: this session grants EVERY ability on EVERY resource (the seed "
                    + "documents' default):");
            terms.resourceAbilityRequests().forEach(r -> err.println("WARNING:   " + r));
            err.println("WARNING: anyone holding these session sigs may use all of that until they expire; pass "
                    + "--resource to grant less");
            err.flush();
        }
    }

    /**
     * {@code litj session revoke --session FILE}: the wallet revokes the grant of the session sigs in FILE on every
     * node (docs/revocation.md); for a PKP session the wallet is the PKP's owner. From then on every node refuses
     * them with {@code NodeSessionRevoked}.
     */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke the session sigs in a file (made by `session create --out`, or a PKP session) on "
                    + "every node, signed by the granting wallet or, for a PKP session, by the PKP's owner.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WalletOptions wallet;
        @Option(names = "--session", required = true, paramLabel = "FILE",
                description = "the session sigs to revoke, as `litj session create --out` wrote them")
        Path session;

        @Override
        public Integer call() {
            SessionSigs sigs = SessionFile.read(session);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (LitClient client = wallet.connect(err)) {
                SessionRevocationResult r = client.revokeSession(sigs, wallet.wallet(err));
                r.grants().forEach(g -> out.println("revoked grant " + g + " for session key " + r.sessionKey()));
                out.println("accepted by " + r.acceptedBy().size() + " of " + client.nodeUrls().size() + " nodes");
                r.failures().forEach(f -> err.println("not accepted by " + f.describe()));
                out.flush();
                err.flush();
            }
            return Exit.OK;
        }
    }
}
