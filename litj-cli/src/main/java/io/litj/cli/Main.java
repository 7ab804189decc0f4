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
        subcommands = {DevnetCommand.class, DemoCommand.class, NodeCommand.class, ChainCommand.class,
                SessionCommand.class,
                ExecCommand.class, PkpCommand.class, CapacityCommand.class, EncryptCommand.class,
                DecryptCommand.class, ActionCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  local error (a file, a busy port, a failed build)", "  2  usage error",
                "  3  devnet or network not running / unreachable", "  4  refused by the network (node code printed)"})
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
        try {
            Logging.configure(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Exit.USAGE;
        }
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + describe(e));
                    cmd.getErr().flush();
                    return exitCode(e);
                })
                .execute(args);
    }

    /** A usage error: the message, picocli's "did you mean" suggestions, and where the help is; exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        if (e.getMessage().startsWith("Missing required subcommand")) {
            cmd.usage(err);
        }
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see `" + cmd.getCommandSpec().qualifiedName() + " --help`");
        err.flush();
        return Exit.USAGE;
    }

    /** The exit code for an exception a command threw (see {@link Exit}). */
    static int exitCode(Exception e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof LitClientException c) {
            return Failures.exitCode(c);
        }
        return Exit.LOCAL_ERROR;
    }

    static String describe(Exception e) {
        if (e instanceof LitProtocolException p) {
            return "[" + p.code().wireName() + "] " + p.getMessage();
        }
        if (e instanceof CliException) {
            return e.getMessage();
        }
        if (e instanceof LitClientException c) {
            return Failures.describe(c, c.nodeFailures().size());
        }
        if (e instanceof LitNodeException n) {
            return "[" + n.code().wireName() + "] " + n.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
