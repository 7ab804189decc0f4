package io.litj.cli;

import io.litj.devnet.DevnetConfig;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionLimits;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code litj action put <file>}: stores a Lit Action's source in the devnet's registry under its IPFS CIDv0 (of the
 * file's UTF-8 bytes, as the JS SDK computes it), where every node reads it, so that {@code executeJs({ipfsId})} runs
 * it. The devnet need not run; running nodes see the code at once.
 */
@Command(name = "action", mixinStandardHelpOptions = true, description = "Store Lit Actions for executeJs by ipfsId.",
        subcommands = {ActionCommand.Put.class})
final class ActionCommand {
    private ActionCommand() {
    }

    /** {@code litj action put}. */
    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Store a Lit Action's code in the devnet's registry under its IPFS CID.")
    static final class Put implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<file>", description = "the Lit Action's JavaScript (UTF-8)")
        Path file;
        @Option(names = "--data", description = "devnet data folder (default $LITJ_HOME/devnet or ~/.litj/devnet)")
        Path data;
        @Option(names = "--json", description = "print {cid} as one JSON line")
        boolean json;

        @Override
        public Integer call() {
            String code = ExecCommand.readCode(file, "Lit Action file");
            DevnetFolder folder = DevnetFolder.of(data);
            folder.requireDevnet();
            String cid;
            try (SqliteRegistryWriter writer = SqliteRegistryWriter.open(DevnetConfig.registryFileIn(folder.dir()))) {
                cid = writer.putActionCode(code, ActionLimits.defaults().maxCodeBytes());
            } catch (LitNodeException e) {
                throw CliException.local(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsJson.stringify(JsonValue.object().put("cid", cid).build()));
            } else {
                out.println("stored Lit Action " + cid + " (" + code.getBytes(StandardCharsets.UTF_8).length
                        + " bytes); run it with executeJs({ipfsId: '" + cid + "'})");
            }
            out.flush();
            return Exit.OK;
        }
    }
}
