package io.litj.node.testing;

import io.litj.node.HttpLimits;
import io.litj.node.LitNode;
import io.litj.node.NodeConfig;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.Block;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.ratelimit.CapacityLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One {@link LitNode} on a free port of 127.0.0.1 whose registry lists only itself: no network key, no DKG, so it
 * starts in a moment. Enough for what a node does before any key is used (HTTP limits, routes, error bodies). All
 * such nodes share one Lit Action runtime with {@link NodeNetwork#QUICK_LIMITS} (its warm-up is the slow part; it is
 * never closed, its threads are daemons). Closing a node stops it, then closes its registry.
 */
public final class SingleNode implements AutoCloseable {
    private static ActionRuntime sharedRuntime;

    private final InMemoryRegistry registry;
    private final LitNode node;

    private SingleNode(Path dir, long maxBodyBytes, HttpLimits limits) {
        this(dir, maxBodyBytes, limits, CapacityLimits.off(), Clock.systemUTC());
    }

    private SingleNode(Path dir, long maxBodyBytes, HttpLimits limits, CapacityLimits capacity, Clock clock) {
        NodeIdentity id = NodeIdentity.loadOrCreate(dir.resolve("node-0"), new SecureRandom());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        this.registry = new InMemoryRegistry(new NetworkInfo(31337, 1, NetworkInfo.thresholdFor(1),
                "0xD4507CD392Af2c80919219d7896508728f6A623F", start, 86_400), List.of(new NodeEntry(0, "127.0.0.1",
                freePort(), id.wallet().address().toChecksumString(), id.identityPublicKey())));
        registry.appendBlock(new Block(0, "0x" + "ab".repeat(32), start));
        try {
            this.node = LitNode.builder(new NodeConfig(dir.resolve("registry.sqlite"), 0, dir.resolve("node-0"),
                    maxBodyBytes, limits).withCapacity(capacity)).registry(registry).clock(clock)
                    .actionRuntime(runtime()).start();
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    private static synchronized ActionRuntime runtime() {
        if (sharedRuntime == null) {
            sharedRuntime = new ActionRuntime(NodeNetwork.QUICK_LIMITS);
        }
        return sharedRuntime;
    }

    /** Starts a node with data in {@code dir}, the default body limit and {@code limits}. */
    public static SingleNode start(Path dir, HttpLimits limits) {
        return new SingleNode(dir, NodeConfig.DEFAULT_MAX_BODY_BYTES, limits);
    }

    /** Starts a node with data in {@code dir}, body limit {@code maxBodyBytes} and {@code limits}. */
    public static SingleNode start(Path dir, long maxBodyBytes, HttpLimits limits) {
        return new SingleNode(dir, maxBodyBytes, limits);
    }

    /** Starts a node with data in {@code dir} enforcing {@code capacity}, judging time by {@code clock}. */
    public static SingleNode start(Path dir, CapacityLimits capacity, Clock clock) {
        return new SingleNode(dir, NodeConfig.DEFAULT_MAX_BODY_BYTES, HttpLimits.defaults(), capacity, clock);
    }

    /** The node's registry (tests add capacity credits to it). */
    public InMemoryRegistry registry() {
        return registry;
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return node.url();
    }

    /** The node's address as a URI (host and port for raw sockets). */
    public URI uri() {
        return URI.create(node.url());
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            registry.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
