package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting and stopping one {@link LitNode} against a registry of two nodes on 127.0.0.1: a node serves only as the
 * identity its registry entry names, and a failed start leaves nothing running.
 */
class LitNodeTest {
    private static final String WATCHDOG_THREAD = "litj-action-watchdog";

    @TempDir
    Path dir;

    /** A registry of two nodes whose keys live in {@code dir/node-i}, listening on {@code ports}. */
    private Path registry(int... ports) {
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            NodeIdentity id = NodeIdentity.loadOrCreate(dir.resolve("node-" + i), new SecureRandom());
            entries.add(new NodeEntry(i, "127.0.0.1", ports[i], id.wallet().address().toChecksumString(),
                    id.identityPublicKey()));
        }
        Path file = dir.resolve("registry.sqlite");
        SqliteRegistry.create(file, new NetworkInfo(31337, 1, NetworkInfo.thresholdFor(ports.length),
                "0xD4507CD392Af2c80919219d7896508728f6A623F", Instant.parse("2026-01-01T00:00:00Z"), 86_400), entries).close();
        return file;
    }

    @Test
    void start_thenClose_servesOnItsRegistryPortThenRefusesConnections() throws IOException {
        Path file = registry(freePort(), freePort());
        LitNode node = LitNode.builder(NodeConfig.of(file, 1, dir.resolve("node-1"))).start();
        try (NodeHttp http = new NodeHttp()) {
            assertTrue(node.isRunning());
            assertEquals(1, node.entry().index());
            Reply r = http.get(node.url() + "/litj/health");
            assertEquals(200, r.status(), r::toString);
            assertEquals(node.entry().address(), r.string("node"));

            node.close();

            assertFalse(node.isRunning());
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> http.get(node.url() + "/litj/health"));
            assertInstanceOf(ConnectException.class, e.getCause());
        } finally {
            node.close();
        }
    }

    @Test
    void start_indexNotInTheRegistry_refusedWithInvalidArgument() throws IOException {
        Path file = registry(freePort(), freePort());

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> LitNode.builder(NodeConfig.of(file, 2, dir.resolve("node-2"))).start().close());

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("has no node with index 2"), e.getMessage());
    }

    @Test
    void start_dataFolderOfAnotherNode_refusedWithInvalidArgument() throws IOException {
        Path file = registry(freePort(), freePort());

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> LitNode.builder(NodeConfig.of(file, 1, dir.resolve("node-0"))).start().close());

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("but the registry lists node 1 as"), e.getMessage());
    }

    @Test
    void start_portInUse_refusedWithInvalidArgumentNamingThePortAndLeavesNothingRunning() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            Path file = registry(port, freePort());
            long before = watchdogThreads();

            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> LitNode.builder(NodeConfig.of(file, 0, dir.resolve("node-0"))).start().close());

            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (watchdogThreads() > before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before, watchdogThreads(), "watchdog threads of action runtimes left running");
        }
    }

    private static long watchdogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(WATCHDOG_THREAD)).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
