package io.litj.devnet.testing;

import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.actions.ActionLimits;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeNetwork;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A devnet on free ports of 127.0.0.1 for one test class, with short Lit Action limits, no block produced during
 * the test (the first comes after an hour), and an HTTP client. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}: closing stops every node, the chain view and the action runtime.
 */
public final class DevnetFixture implements AutoCloseable {
    /** Actions stop after 800 ms or 2,000,000 statements; responses over 1 KiB fail (as in {@link NodeNetwork}). */
    public static final ActionLimits QUICK_LIMITS = NodeNetwork.QUICK_LIMITS;

    private final Devnet devnet;
    private final NodeHttp http = new NodeHttp();

    private DevnetFixture(Devnet devnet) {
        this.devnet = devnet;
    }

    /** Starts {@code nodes} nodes with data in {@code dir}, judging time by {@code clock}. */
    public static DevnetFixture start(Path dir, int nodes, Clock clock) {
        DevnetConfig config = DevnetConfig.defaults(dir).withNodes(nodes).withPorts(0, 0)
                .withBlockInterval(Duration.ofHours(1)).withActionLimits(QUICK_LIMITS);
        return new DevnetFixture(Devnet.start(config, clock, new SecureRandom()));
    }

    public Devnet devnet() {
        return devnet;
    }

    public NodeHttp http() {
        return http;
    }

    /** The node URLs by index. */
    public List<String> urls() {
        return devnet.nodeUrls();
    }

    /** Node {@code index}'s URL. */
    public String url(int index) {
        return urls().get(index);
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            devnet.close();
        }
    }
}
