package io.litj.devnet.testing;

import io.litj.devnet.evm.AnvilBinary;
import io.litj.devnet.evm.AnvilProcess;

import io.litj.node.LitNodeException;
import io.litj.protocol.testing.NodeJs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts anvil for a test: {@code $LITJ_ANVIL}, else the pinned npm package in a cache under the temp folder
 * (installed on first use). Without npm (and no {@code LITJ_ANVIL}) the test is skipped, or fails when {@code CI}
 * is set, like the other interop tests.
 */
public final class TestAnvil {
    private TestAnvil() {
    }

    /** Starts anvil on a free port, its log in {@code logDir}. */
    public static AnvilProcess start(Path logDir) {
        try {
            return AnvilProcess.start(AnvilBinary.locate(cacheDir()), freePort(), logDir.resolve("anvil.log"));
        } catch (LitNodeException e) {
            return Assertions.fail("anvil did not start: " + e.getMessage(), e);
        }
    }

    /** The anvil install cache of tests (skips or fails the test first if anvil cannot be had). */
    public static Path cacheDir() {
        boolean given = System.getenv(AnvilBinary.ENV) != null && !System.getenv(AnvilBinary.ENV).isBlank();
        if (!given && NodeJs.findOnPath("npm").isEmpty()) {
            String reason = "neither " + AnvilBinary.ENV + " nor npm is available to get anvil";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                Assertions.fail("anvil test cannot run and CI is set: " + reason);
            }
            Assumptions.abort("skipping anvil test: " + reason);
        }
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "litj-anvil-cache"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
