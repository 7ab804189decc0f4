package io.litj.devnet.chain;

import io.litj.protocol.testing.NodeJs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a short CommonJS script with {@code node -e} in the repository's {@code interop/} folder, so that
 * {@code require} finds the pinned ethers 5 and Lit JS SDK packages there. Skips the calling test (reason on stderr)
 * when Node.js or {@code interop/node_modules} are missing, or fails it when the environment variable {@code CI} is
 * set. The process is killed with its children when it overruns its time limit.
 */
final class NodeScript {
    private static final int MAX_STDERR_SHOWN = 6000;

    private NodeScript() {
    }

    /** Runs {@code script} with extra environment {@code env}; returns stdout, or fails the test on exit != 0. */
    static String run(String script, Map<String, String> env, Duration timeout) throws Exception {
        Path node = NodeJs.findOnPath("node").orElseGet(() -> unavailable("'node' was not found on PATH"));
        Path interop = NodeJs.findInteropDir().orElseGet(() -> unavailable("no interop/package.json found above "
                + Path.of("").toAbsolutePath()));
        for (String pkg : List.of("ethers", "@lit-protocol/contracts", "@lit-protocol/lit-node-client-nodejs")) {
            if (!Files.isDirectory(interop.resolve("node_modules").resolve(pkg))) {
                unavailable("interop/node_modules/" + pkg + " is missing; run npm ci in " + interop);
            }
        }
        Path out = Files.createTempFile("litj-chain-", ".out");
        Path err = Files.createTempFile("litj-chain-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(node.toString(), "-e", script).directory(interop.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                Assertions.fail("node script did not finish within " + timeout + "; stderr:\n" + tail(err));
            }
            if (process.exitValue() != 0) {
                Assertions.fail("node script exited with " + process.exitValue() + "; stderr:\n" + tail(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static <T> T unavailable(String reason) {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) {
            return Assertions.fail("ethers interop test cannot run and CI is set: " + reason);
        }
        System.err.println("[NodeScript] skipping ethers interop test: " + reason);
        return Assumptions.abort("skipping ethers interop test: " + reason);
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= MAX_STDERR_SHOWN ? text : "…" + text.substring(text.length() - MAX_STDERR_SHOWN);
    }
}
