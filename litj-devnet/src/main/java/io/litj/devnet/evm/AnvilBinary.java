package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the anvil binary is: {@code $LITJ_ANVIL} if set, else the pinned npm package {@code @foundry-rs/anvil}
 * {@value #VERSION} in a cache folder, installed there with {@code npm install} on first use (bounded in time).
 */
public final class AnvilBinary {
    /** The pinned version of the {@code @foundry-rs/anvil} npm package. */
    public static final String VERSION = "1.7.1";
    /** The environment variable naming an anvil binary to use instead of the npm package. */
    public static final String ENV = "LITJ_ANVIL";
    /** How long the first-use {@code npm install} may take. */
    public static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private AnvilBinary() {
    }

    /**
     * The anvil to run: {@code $LITJ_ANVIL}, or the npm package under {@code cacheDir}, installed if missing.
     *
     * @throws LitNodeException {@code InvalidArgument} if {@code $LITJ_ANVIL} is not an executable file, or
     *     {@code NodeSystemFault} if npm is missing or the install fails
     */
    public static Path locate(Path cacheDir) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path given = Path.of(env);
            if (!Files.isRegularFile(given) || !Files.isExecutable(given)) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, ENV + "=" + env
                        + " is not an executable file");
            }
            return given;
        }
        Path prefix = cacheDir.resolve("anvil-" + VERSION);
        Path binary = prefix.resolve("node_modules").resolve(".bin").resolve("anvil");
        if (!Files.isExecutable(binary)) {
            install(prefix);
        }
        if (!Files.isExecutable(binary)) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "npm installed @foundry-rs/anvil@" + VERSION
                    + " into " + prefix + " but " + binary + " is not there (no build for this platform?)");
        }
        return binary;
    }

    private static void install(Path prefix) {
        try {
            Files.createDirectories(prefix);
            Path log = Files.createTempFile("litj-anvil-install-", ".log");
            Process p = new ProcessBuilder(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit",
                    "--no-fund", "--loglevel=error", "--save-exact", "@foundry-rs/anvil@" + VERSION))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "npm install of @foundry-rs/anvil@"
                        + VERSION + " took longer than " + INSTALL_TIMEOUT + "; log: " + log);
            }
            if (p.exitValue() != 0) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "npm install of @foundry-rs/anvil@"
                        + VERSION + " failed (exit " + p.exitValue() + "); log: " + log + "\n" + Files.readString(log));
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "could not run npm to install anvil (is Node.js"
                    + " installed? or set " + ENV + "): " + e.getMessage(), List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "interrupted while installing anvil");
        }
    }
}
