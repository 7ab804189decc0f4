package io.litj.protocol.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node.js scripts of the repository's {@code interop/} folder (the real Lit JS SDK, pinned in
 * {@code interop/package-lock.json}) for the interop tests.
 *
 * <p>When {@code node}/{@code npm} or the {@code interop/} folder are missing the calling test is skipped with the
 * reason on stderr, except when the environment variable {@code CI} is set: then it fails, so that a CI machine
 * without Node.js cannot pass by silently skipping the interop tests. Missing {@code interop/node_modules} are
 * installed with {@code npm ci} first. Every process runs with a time limit and is killed (with its children) when
 * it overruns; a non-zero exit fails the test and shows the script's stderr.
 */
public final class NodeJs {
    /** Time limit for one script run. */
    public static final long SCRIPT_TIMEOUT_SECONDS = 120;
    /** Time limit for {@code npm ci}. */
    public static final long NPM_CI_TIMEOUT_SECONDS = 300;
    private static final int MAX_STDERR_IN_FAILURE = 8000;
    private static final Object INSTALL_LOCK = new Object();

    private NodeJs() {
    }

    /** The result of one finished process. */
    private record Finished(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs {@code node <script> <args…>} in {@code interop/} and returns its stdout (UTF-8). Skips or fails the
     * calling test as described in the class comment.
     */
    public static String runScript(String script, String... args) {
        return runNode(script, null, java.util.Map.of(), args);
    }

    /**
     * As {@link #runScript(String, String...)}, with {@code env} added to the script's environment (e.g.
     * {@code NODE_EXTRA_CA_CERTS}).
     */
    public static String runScriptWithEnv(java.util.Map<String, String> env, String script, String... args) {
        return runNode(script, null, env, args);
    }

    /**
     * Runs {@code node <script>} in {@code interop/} with {@code stdin} (UTF-8) as its standard input and returns its
     * stdout; for inputs too large for a process argument. Skips or fails like {@link #runScript(String, String...)}.
     */
    public static String runScriptWithStdin(String script, String stdin) {
        return runNode(script, stdin, java.util.Map.of());
    }

    private static String runNode(String script, String stdin, java.util.Map<String, String> env, String... args) {
        Path node = requireExecutable("node");
        Path interop = requireInteropDir();
        ensureNodeModules(interop);
        Path scriptFile = interop.resolve(script);
        if (!Files.isRegularFile(scriptFile)) {
            Assertions.fail("interop script " + scriptFile + " does not exist");
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), script));
        command.addAll(List.of(args));
        Finished run = run(command, interop, SCRIPT_TIMEOUT_SECONDS, stdin, env);
        if (run.exitCode() != 0) {
            Assertions.fail("interop script " + script + " exited with code " + run.exitCode() + "; stderr:\n"
                    + tail(run.stderr()));
        }
        return run.stdout();
    }

    /**
     * Runs {@code node <script> <args…>} in {@code interop/} expecting it to fail (for tests of a checker's
     * refusals); returns its stderr, or fails the calling test if it exited 0. Skips like
     * {@link #runScript(String, String...)}.
     */
    public static String runScriptExpectingFailure(String script, String... args) {
        Path interop = requireInteropDir();
        ensureNodeModules(interop);
        List<String> command = new ArrayList<>(List.of(requireExecutable("node").toString(), script));
        command.addAll(List.of(args));
        Finished run = run(command, interop, SCRIPT_TIMEOUT_SECONDS, null, java.util.Map.of());
        if (run.exitCode() == 0) {
            Assertions.fail("interop script " + script + " was expected to fail but exited 0; stdout:\n"
                    + tail(run.stdout()));
        }
        return run.stderr();
    }

    /** The {@code interop/} folder: the first ancestor of the working directory that holds interop/package.json. */
    public static Optional<Path> findInteropDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("interop");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The executable {@code name} on {@code PATH}, if any. */
    public static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        List<String> names = windows ? List.of(name + ".exe", name + ".cmd", name) : List.of(name);
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            for (String candidate : names) {
                Path file = Path.of(entry, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Skips (with the reason) or, under CI, fails the calling test unless Node.js and {@code interop/} are there: for
     * a test that must know before it starts what a script needs (a devnet).
     */
    public static void requireScripts() {
        requireExecutable("node");
        requireInteropDir();
    }

    private static Path requireExecutable(String name) {
        return findOnPath(name).orElseGet(() -> unavailable("'" + name + "' was not found on PATH; install Node.js"
                + " (>= 18) to run the interop tests against the real Lit JS SDK"));
    }

    private static Path requireInteropDir() {
        return findInteropDir().orElseGet(() -> unavailable("no interop/package.json found above the working"
                + " directory " + Path.of("").toAbsolutePath()));
    }

    /** Fails under CI, otherwise skips; both with {@code reason}. Never returns normally. */
    private static <T> T unavailable(String reason) {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) {
            return Assertions.fail("JS SDK interop test cannot run and CI is set: " + reason);
        }
        System.err.println("[NodeJs] skipping JS SDK interop test: " + reason);
        return Assumptions.abort("skipping JS SDK interop test: " + reason);
    }

    private static void ensureNodeModules(Path interop) {
        synchronized (INSTALL_LOCK) {
            if (Files.isDirectory(interop.resolve("node_modules"))) {
                return;
            }
            Path npm = requireExecutable("npm");
            System.err.println("[NodeJs] interop/node_modules is missing; running npm ci in " + interop);
            Finished ci = run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), interop,
                    NPM_CI_TIMEOUT_SECONDS, null, java.util.Map.of());
            if (ci.exitCode() != 0) {
                Assertions.fail("npm ci in " + interop + " exited with code " + ci.exitCode() + "; stderr:\n"
                        + tail(ci.stderr()));
            }
        }
    }

    /**
     * Runs {@code command} with {@code stdin} (or nothing) as input; input and output go through temporary files so
     * that a chatty process can never block on a pipe.
     */
    private static Finished run(List<String> command, Path dir, long timeoutSeconds, String stdin,
            java.util.Map<String, String> env) {
        Path out = null;
        Path err = null;
        Path in = null;
        try {
            out = Files.createTempFile("litj-node-", ".out");
            err = Files.createTempFile("litj-node-", ".err");
            File input = nullDevice();
            if (stdin != null) {
                in = Files.writeString(Files.createTempFile("litj-node-", ".in"), stdin, StandardCharsets.UTF_8);
                input = in.toFile();
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().putAll(env);
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(input))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished;
            try {
                finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                destroyTree(process);
                Thread.currentThread().interrupt();
                return Assertions.fail("interrupted while running " + command);
            }
            if (!finished) {
                destroyTree(process);
                return Assertions.fail(String.join(" ", command) + " did not finish within " + timeoutSeconds
                        + " s and was killed; stderr so far:\n" + tail(Files.readString(err, StandardCharsets.UTF_8)));
            }
            return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command + " in " + dir, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
            deleteQuietly(in);
        }
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null");
    }

    private static String tail(String text) {
        return text.length() <= MAX_STDERR_IN_FAILURE ? text
                : "…" + text.substring(text.length() - MAX_STDERR_IN_FAILURE);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    /**
     * JSON text with every non-ASCII character written as a {@code \\u} escape, for passing JSON as a process argument
     * whatever the machine's locale (it only occurs inside strings, where the escape means the same).
     */
    public static String asciiJson(io.litj.protocol.json.JsonValue value) {
        StringBuilder out = new StringBuilder();
        for (char c : io.litj.protocol.json.JsJson.stringify(value).toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
