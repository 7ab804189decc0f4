package io.litj.cli;

import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.IsoTime;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litj session create|inspect}. */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Create or explain session sigs.",
        subcommands = {SessionCommand.Create.class, InspectCommand.class})
final class SessionCommand {

    /** {@code litj session create}: prints session sigs as JSON (the JS SDK's SessionSigsMap). */
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

        @Override
        public Integer call() {
            List<ResourceAbilityRequest> requests = ResourceSpecs.parse(resources);
            try (LitClient client = wallet.connect(spec.commandLine().getErr())) {
                SessionTerms.Builder terms = SessionTerms.builder().resourceAbilityRequests(requests);
                if (expiration != null) {
                    try {
                        terms.expiration(IsoTime.parse(expiration, io.litj.protocol.LitErrorCode.InvalidArgument,
                                "--expiration"));
                    } catch (io.litj.protocol.LitProtocolException e) {
                        throw CliException.usage(e.getMessage() + "; write an ISO time such as "
                                + "2030-01-01T00:00:00Z");
                    }
                }
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
