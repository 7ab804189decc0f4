package io.litj.cli;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitProtocolException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code litj} command line. */
@Command(name = "litj", mixinStandardHelpOptions = true, version = "litj 0.1.0",
        description = "Lit Protocol session signatures in Java: devnet, nodes, sessions and Lit Actions.",
        subcommands = {DevnetCommand.class, DemoCommand.class, NodeCommand.class, SessionCommand.class,
                ExecCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        Logging.configure(args);
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + describe(e));
                    return 1;
                })
                .execute(args);
    }

    static String describe(Exception e) {
        if (e instanceof LitProtocolException p) {
            return "[" + p.code().wireName() + "] " + p.getMessage();
        }
        if (e instanceof LitNodeException n) {
            return "[" + n.code().wireName() + "] " + n.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
