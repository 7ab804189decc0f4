package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.testing.InMemoryRegistry;
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
 * identity its registry entry names, a failed start leaves nothing running, and the registry it was given stays its
 * opener's to close.
 */
class LitNodeTest {
    private static final String WATCHDOG_THREAD = "litj-action-watchdog";

    @TempDir
    Path dir;

    /** A registry of nodes whose keys live in {@code dir/node-i}, listening on {@code ports}. */
    private InMemoryRegistry registry(int... ports) {
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            NodeIdentity id = NodeIdentity.loadOrCreate(dir.resolve("node-" + i), new SecureRandom());
            entries.add(new NodeEntry(i, "127.0.0.1", ports[i], id.wallet().address().toChecksumString(),
                    id.identityPublicKey()));
        }
        return new InMemoryRegistry(new NetworkInfo(31337, 1, NetworkInfo.thresholdFor(ports.length),
                "0xD4507CD392Af2c80919219d7896508728f6A623F", Instant.parse("2026-01-01T00:00:00Z"), 86_400), entries);
    }

    private LitNode.Builder node(int index, String dataDir) {
        return LitNode.builder(NodeConfig.of(dir.resolve("registry.sqlite"), index, dir.resolve(dataDir)));
    }

    @Test
    void start_thenClose_servesOnItsRegistryPortThenRefusesConnections() throws IOException {
        InMemoryRegistry registry = registry(freePort(), freePort());
        LitNode node = node(1, "node-1").registry(registry).start();
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
            assertFalse(registry.isClosed(), "the node leaves its registry to whoever opened it");
            assertEquals(2, registry.nodes().size());
        } finally {
            node.close();
        }
    }

    @Test
    void start_withoutRegistry_refusedWithInvalidArgument() {
        LitNodeException e = assertThrows(LitNodeException.class, () -> node(1, "node-1").start().close());

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("node 1 has no registry: give one with LitNode.builder(config).registry(registry)",
                e.getMessage());
    }

    @Test
    void start_indexNotInTheRegistry_refusedWithInvalidArgument() throws IOException {
        InMemoryRegistry registry = registry(freePort(), freePort());

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> node(2, "node-2").registry(registry).start().close());

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("has no node with index 2"), e.getMessage());
        assertFalse(registry.isClosed(), "a failed start leaves the registry open too");
    }

    @Test
    void start_dataFolderOfAnotherNode_refusedWithInvalidArgument() throws IOException {
        InMemoryRegistry registry = registry(freePort(), freePort());

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> node(1, "node-0").registry(registry).start().close());

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("but the registry lists node 1 as"), e.getMessage());
    }

    @Test
    void start_portInUse_refusedWithInvalidArgumentNamingThePortAndLeavesNothingRunning() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            InMemoryRegistry registry = registry(port, freePort());
            long before = watchdogThreads();

            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> node(0, "node-0").registry(registry).start().close());

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
