package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 15, "README": the README documents every command and option the CLI has, the exit codes the CLI uses,
 * a troubleshooting section and shell completion; what the CLI grows, the README must say.
 */
class ReadmeTest {
    private static String readme() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.exists(dir.resolve("litj"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("README.md"));
    }

    @Test
    void readme_mentionsEveryCommandAndOption() throws IOException {
        String readme = readme();
        List<String> missing = new ArrayList<>();
        walk(new CommandLine(Main.class).getCommandSpec(), readme, missing);
        assertEquals(List.of(), missing, "commands and options the README does not mention");
    }

    private static void walk(CommandSpec spec, String readme, List<String> missing) {
        String name = spec.qualifiedName().replaceFirst("^litj ?", "");
        if (!name.isEmpty() && !name.equals("help") && !readme.contains("./litj " + name)) {
            missing.add("command: litj " + name);
        }
        for (OptionSpec o : spec.options()) {
            String option = o.longestName();
            if (!option.equals("--help") && !option.equals("--version") && !readme.contains(option)) {
                missing.add("litj " + name + " " + option);
            }
        }
        spec.subcommands().values().forEach(sub -> {
            if (!sub.getCommandSpec().name().equals("help")) {
                walk(sub.getCommandSpec(), readme, missing);
            }
        });
    }

    @Test
    void readme_documentsTheExitCodesTroubleshootingAndCompletion() throws IOException {
        String readme = readme();
        assertTrue(readme.contains("### Exit codes"), "an Exit codes section");
        for (String row : List.of("| 0 | ok |", "| 1 | local error |", "| 2 | usage error |",
                "| 3 | not running / unreachable |", "| 4 | refused by the network |")) {
            assertTrue(readme.contains(row), row);
        }
        assertTrue(readme.contains("### Troubleshooting"), "a Troubleshooting section");
        assertTrue(readme.contains("source <(./litj completion bash)"), "shell completion");
        assertTrue(readme.contains("<artifactId>litj-client</artifactId>"), "Maven coordinates");
        assertTrue(readme.contains("import io.litj.client.LitClient;"), "the SDK snippet's imports");
        assertTrue(readme.contains("AuthSig walletAuthSig = AuthSigs.generate("), "how to get walletAuthSig");
    }
}
