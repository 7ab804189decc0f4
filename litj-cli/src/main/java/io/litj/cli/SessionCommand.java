package io.litj.cli;

import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litj session create|inspect|list|clear}. */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Create or explain session sigs.",
        subcommands = {SessionCommand.Create.class, InspectCommand.class, SessionStoreCommands.ListSessions.class,
                SessionStoreCommands.Clear.class})
final class SessionCommand {

    /**
     * {@code litj session create}: prints session sigs as JSON (the JS SDK's SessionSigsMap); each
     * {@code --capacity-delegation} file is placed ahead of the wallet grant in every session sig.
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
                PrintWriter out = spec.commandLine().getOut();
                out.println(sigs.toJsonString());
                out.flush();
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
}
