package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's HTTP limits: defaults, hard ranges, and their optional members in the node config file. */
class HttpLimitsTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void defaults_areTheDocumentedValues() {
        HttpLimits d = HttpLimits.defaults();

        assertEquals(512, d.maxTcpConnections());
        assertEquals(256, d.maxConcurrentRequests());
        assertEquals(Duration.ofSeconds(60), d.idleTimeout());
        assertEquals(Duration.ofSeconds(30), d.readTimeout());
        assertEquals(Duration.ofSeconds(15), d.idleCheckPeriod());
        assertEquals(1L << 20, HttpLimits.API_BODY_BYTES);
    }

    @Test
    void new_valuesAtTheBounds_accepted() {
        HttpLimits low = new HttpLimits(1, 1, Duration.ofSeconds(1), Duration.ofMillis(100));
        HttpLimits high = new HttpLimits(65_536, 65_536, Duration.ofHours(1), Duration.ofMinutes(10));

        assertEquals(1, low.maxTcpConnections());
        assertEquals(Duration.ofMillis(250), low.idleCheckPeriod());
        assertEquals(Duration.ofMinutes(10), high.readTimeout());
    }

    @Test
    void new_valueOutsideItsRange_refusedWithInvalidArgumentNamingIt() {
        List<Case> cases = List.of(
                new Case(() -> new HttpLimits(0, 1, MINUTE, MINUTE),
                        "maxTcpConnections must be in [1, 65536] but is 0"),
                new Case(() -> new HttpLimits(65_537, 1, MINUTE, MINUTE),
                        "maxTcpConnections must be in [1, 65536] but is 65537"),
                new Case(() -> new HttpLimits(1, 0, MINUTE, MINUTE),
                        "maxConcurrentRequests must be in [1, 65536] but is 0"),
                new Case(() -> new HttpLimits(1, 1, Duration.ofMillis(999), MINUTE),
                        "idleTimeoutMs must be in [1000, 3600000] but is 999"),
                new Case(() -> new HttpLimits(1, 1, Duration.ofMillis(3_600_001), MINUTE),
                        "idleTimeoutMs must be in [1000, 3600000] but is 3600001"),
                new Case(() -> new HttpLimits(1, 1, MINUTE, Duration.ofMillis(99)),
                        "readTimeoutMs must be in [100, 600000] but is 99"),
                new Case(() -> new HttpLimits(1, 1, MINUTE, Duration.ofMillis(600_001)),
                        "readTimeoutMs must be in [100, 600000] but is 600001"));
        for (Case c : cases) {
            LitNodeException e = assertThrows(LitNodeException.class, c.call::get, c.message);

            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertEquals(c.message, e.getMessage());
        }
    }

    @Test
    void nodeConfigRead_allFourMembers_readIntoTheLimits() throws IOException {
        Path file = write("{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\",\"maxTcpConnections\":10,"
                + "\"maxConcurrentRequests\":5,\"idleTimeoutMs\":2000,\"readTimeoutMs\":300}");

        HttpLimits limits = NodeConfig.read(file).http();

        assertEquals(new HttpLimits(10, 5, Duration.ofSeconds(2), Duration.ofMillis(300)), limits);
    }

    @Test
    void nodeConfigRead_noMembers_defaults() throws IOException {
        Path file = write("{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\"}");

        assertEquals(HttpLimits.defaults(), NodeConfig.read(file).http());
    }

    @Test
    void nodeConfig_toJsonThenRead_roundTripsTheLimits() throws IOException {
        NodeConfig config = new NodeConfig(dir.resolve("registry.sqlite"), 1, dir.resolve("node-1"), 4096,
                new HttpLimits(7, 3, Duration.ofSeconds(5), Duration.ofMillis(1500)));

        assertEquals(config, NodeConfig.read(Files.writeString(dir.resolve("node.json"), config.toJson())));
    }

    @Test
    void nodeConfigRead_memberOutOfRangeOrMistyped_refusedWithInvalidArgument() throws IOException {
        for (String member : List.of("\"maxTcpConnections\":0", "\"maxTcpConnections\":3000000000",
                "\"maxConcurrentRequests\":-1", "\"idleTimeoutMs\":10", "\"readTimeoutMs\":\"300\"",
                "\"readTimeoutMs\":1.5")) {
            Path file = write("{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\"," + member + "}");

            RuntimeException e = assertThrows(RuntimeException.class, () -> NodeConfig.read(file), member);

            LitErrorCode code = e instanceof LitNodeException n ? n.code()
                    : ((LitProtocolException) e).code();
            assertEquals(LitErrorCode.InvalidArgument, code, member);
        }
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "node-", ".json"), json);
    }

    private record Case(Supplier<HttpLimits> call, String message) {
    }
}
