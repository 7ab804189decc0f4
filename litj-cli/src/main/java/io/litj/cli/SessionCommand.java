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
        @Option(names = "--resource", description = "<prefix>://<id>[=<ability>], repeatable (default "
                + "lit-litaction://*)")
        List<String> resources = List.of("lit-litaction://*");
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
            try (LitClient client = wallet.connect(spec.commandLine().getErr())) {
                SessionSigs sigs = client.getSessionSigs(SessionRequest.of(terms.build(),
                        wallet.wallet(spec.commandLine().getErr())));
                PrintWriter out = spec.commandLine().getOut();
                out.println(sigs.toJsonString());
                out.flush();
            }
            return 0;
        }
    }
}
