package io.litj.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.devnet.testing.DevnetFixture;
import io.litj.protocol.testing.MutableClock;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.protocol.LitErrorCode;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting, stopping and restarting a devnet on free ports of 127.0.0.1. One 3-node devnet serves the tests that
 * only look at it; the restart and failure tests use their own folders.
 */
class DevnetTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final String HANDSHAKE = "{\"clientPublicKey\":\"test\"}";

    @TempDir
    static Path shared;

    private static DevnetFixture net;

    @BeforeAll
    static void startDevnet() {
        net = DevnetFixture.start(shared, 3, CLOCK);
    }

    @AfterAll
    static void stopDevnet() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void start_portsZeroAndThreeNodes_runsThreeNodesOnDistinctPortsWithThresholdTwo() {
        List<NodeEntry> nodes = net.devnet().registry().nodes();

        assertEquals(3, nodes.size());
        assertEquals(3, nodes.stream().map(NodeEntry::port).collect(Collectors.toSet()).size());
        assertEquals(2, net.devnet().registry().network().threshold());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, nodes.get(i).index());
            assertEquals("127.0.0.1", nodes.get(i).host());
            assertEquals(nodes.get(i).url(), net.url(i));
            Reply r = net.http().post(net.url(i) + "/web/handshake", HANDSHAKE);
            assertEquals(200, r.status(), r::toString);
            assertEquals(nodes.get(i).identityKey(), r.string("nodeIdentityKey"));
        }
        assertTrue(net.devnet().rpcUrl().startsWith("http://127.0.0.1:"), net.devnet().rpcUrl());
    }

    @Test
    void stopNode_thenRestartNode_refusesConnectionsThenAnswersWithTheSameIdentity() {
        String url = net.url(1);
        String identity = net.http().post(url + "/web/handshake", HANDSHAKE).string("nodeIdentityKey");

        net.devnet().stopNode(1);
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> net.http().post(url + "/web/handshake", HANDSHAKE));
        assertInstanceOf(ConnectException.class, refused.getCause(), refused::toString);
        assertEquals(200, net.http().post(net.url(0) + "/web/handshake", HANDSHAKE).status());

        net.devnet().restartNode(1);
        Reply r = net.http().post(url + "/web/handshake", HANDSHAKE);
        assertEquals(200, r.status(), r::toString);
        assertEquals(identity, r.string("nodeIdentityKey"));
    }

    @Test
    void start_existingFolderWithOtherNodeCount_refusedWithInvalidArgument() {
        DevnetConfig twoNodes = net.devnet().config().withNodes(2);

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> Devnet.start(twoNodes, CLOCK, new SecureRandom()).close());

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("has 3 nodes, not 2"), e.getMessage());
    }

    @Test
    void start_sameFolderAgain_keepsIdentitiesRegistryAndPorts(@TempDir Path dir) {
        DevnetConfig config = DevnetConfig.defaults(dir).withNodes(1).withPorts(0, 0)
                .withBlockInterval(Duration.ofHours(1)).withActionLimits(DevnetFixture.QUICK_LIMITS);
        List<NodeEntry> first;
        String firstBlock;
        String rpcUrl;
        SqliteRegistry firstRegistry;
        try (Devnet devnet = Devnet.start(config, CLOCK, new SecureRandom())) {
            firstRegistry = devnet.registry();
            first = firstRegistry.nodes();
            firstBlock = firstRegistry.latestBlock().hash();
            rpcUrl = devnet.rpcUrl();
        }
        LitNodeException closed = assertThrows(LitNodeException.class, firstRegistry::nodes);
        assertEquals(LitErrorCode.NodeSystemFault, closed.code(), "the devnet closes the registry it opened");
        try (NodeHttp http = new NodeHttp()) {
            for (String url : List.of(first.getFirst().url() + "/web/handshake", rpcUrl)) {
                UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> http.post(url, HANDSHAKE));
                assertInstanceOf(ConnectException.class, e.getCause(), url);
            }
        }

        try (Devnet again = Devnet.start(config, CLOCK, new SecureRandom()); NodeHttp http = new NodeHttp()) {
            assertEquals(first, again.registry().nodes());
            assertEquals(firstBlock, again.registry().latestBlock().hash());
            Reply r = http.post(again.nodeUrls().getFirst() + "/web/handshake", HANDSHAKE);
            assertEquals(200, r.status(), r::toString);
            assertEquals(first.getFirst().identityKey(), r.string("nodeIdentityKey"));
        }
    }

    @Test
    void start_basePortInUse_refusedWithInvalidArgumentNamingThePort(@TempDir Path dir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            DevnetConfig config = DevnetConfig.defaults(dir).withNodes(1).withPorts(0, port)
                    .withActionLimits(DevnetFixture.QUICK_LIMITS);

            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> Devnet.start(config, CLOCK, new SecureRandom()).close());

            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("port " + port + " on 127.0.0.1 is in use"), e.getMessage());
            assertFalse(Files.exists(config.registryFile()), "ports are checked before anything is written");
            assertFalse(Files.exists(config.nodeDir(0)), "ports are checked before anything is written");
        }
    }

    @Test
    void start_rpcPortInUse_refusedWithInvalidArgumentNamingThePort(@TempDir Path dir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            DevnetConfig config = DevnetConfig.defaults(dir).withNodes(1).withPorts(port, 0)
                    .withActionLimits(DevnetFixture.QUICK_LIMITS);

            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> Devnet.start(config, CLOCK, new SecureRandom()).close());

            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("chain view port " + port), e.getMessage());
        }
    }
}
