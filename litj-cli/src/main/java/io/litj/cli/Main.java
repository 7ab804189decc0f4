package io.litj.cli;

import io.litj.client.LitClientException;
import io.litj.node.LitNodeException;
import java.io.PrintWriter;
import io.litj.protocol.LitProtocolException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code litj} command line. */
@Command(name = "litj", mixinStandardHelpOptions = true, version = "litj 0.1.0",
        description = "Lit Protocol session signatures in Java: devnet, nodes, sessions and Lit Actions.",
        subcommands = {DevnetCommand.class, DemoCommand.class, NodeCommand.class, SessionCommand.class,
                ExecCommand.class, PkpCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on stdout/stderr and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams and returns its exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Logging.configure(args);
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
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
        if (e instanceof LitClientException c) {
            return "[" + c.nodeErrorCode().orElse(c.code().wireName()) + "] " + c.getMessage();
        }
        if (e instanceof LitNodeException n) {
            return "[" + n.code().wireName() + "] " + n.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
