package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The node config file of {@code litj node --config <file>}: strict JSON, paths relative to the file. */
class NodeConfigTest {
    private static final long MIB = 1024L * 1024;

    @TempDir
    Path dir;

    @Test
    void toJson_thenRead_roundTrips() throws IOException {
        NodeConfig config = new NodeConfig(dir.resolve("net/registry.sqlite"), 2, dir.resolve("net/node-2"), 4096);
        Path file = Files.writeString(dir.resolve("node.json"), config.toJson());

        assertEquals(config, NodeConfig.read(file));
    }

    @Test
    void listenTlsAndPeerCa_readRelativeToTheFile_andRoundTrip() throws IOException {
        Path file = Files.writeString(dir.resolve("node.json"), "{\"registry\":\"r.sqlite\",\"index\":0,"
                + "\"dataDir\":\"d\",\"listen\":\"127.0.0.1:7471\",\"tls\":{\"certFile\":\"n.crt\","
                + "\"keyFile\":\"n.key\"},\"peerCaFile\":\"ca.pem\"}");

        NodeConfig config = NodeConfig.read(file);

        assertEquals(new ListenConfig("127.0.0.1", 7471, new NodeTls(dir.resolve("n.crt"), dir.resolve("n.key")),
                dir.resolve("ca.pem")), config.listen());
        assertEquals(config, NodeConfig.read(Files.writeString(dir.resolve("again.json"), config.toJson())));
        assertEquals(ListenConfig.registered(), NodeConfig.of(dir.resolve("r"), 0, dir.resolve("d")).listen());
    }

    @Test
    void listen_withoutPortOrWithBadPort_isRefused() throws IOException {
        for (String listen : new String[] {"127.0.0.1", "127.0.0.1:", ":7470", "127.0.0.1:0", "127.0.0.1:65536",
                "127.0.0.1:12x", "a b:7470"}) {
            Path file = Files.writeString(dir.resolve("node.json"), "{\"registry\":\"r\",\"index\":0,"
                    + "\"dataDir\":\"d\",\"listen\":\"" + listen + "\"}");
            LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(file), listen);
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("listen"), e.getMessage());
        }
    }

    @Test
    void tls_withUnknownMemberOrWithoutKeyFile_isRefused() throws IOException {
        for (String tls : new String[] {"{\"certFile\":\"c\"}", "{\"certFile\":\"c\",\"keyFile\":\"k\","
                + "\"password\":\"x\"}"}) {
            Path file = Files.writeString(dir.resolve("node.json"), "{\"registry\":\"r\",\"index\":0,"
                    + "\"dataDir\":\"d\",\"tls\":" + tls + "}");
            LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(file), tls);
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("tls"), e.getMessage());
        }
    }

    @Test
    void toJson_relativePaths_writesThemAbsolute() {
        NodeConfig config = NodeConfig.of(Path.of("registry.sqlite"), 0, Path.of("node-0"));

        String json = config.toJson();

        assertTrue(json.contains(Path.of("registry.sqlite").toAbsolutePath().toString()), json);
        assertTrue(json.contains(Path.of("node-0").toAbsolutePath().toString()), json);
    }

    @Test
    void read_relativePaths_resolvedAgainstTheFilesFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("conf"));
        Path file = Files.writeString(folder.resolve("node.json"),
                "{\"registry\":\"registry.sqlite\",\"index\":1,\"dataDir\":\"nodes/node-1\"}");

        NodeConfig config = NodeConfig.read(file);

        assertEquals(folder.resolve("registry.sqlite"), config.registryFile());
        assertEquals(folder.resolve("nodes/node-1"), config.dataDir());
        assertEquals(1, config.index());
        assertEquals(NodeConfig.DEFAULT_MAX_BODY_BYTES, config.maxBodyBytes());
    }

    @Test
    void read_unknownField_refusedWithInvalidArgumentNamingIt() throws IOException {
        Path file = write("{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\",\"port\":7470}");

        RuntimeException e = refused(() -> NodeConfig.read(file));

        assertTrue(e.getMessage().contains("unknown field 'port'"), e.getMessage());
    }

    @Test
    void read_missingOrMistypedFields_refusedWithInvalidArgument() throws IOException {
        for (String json : new String[] {
                "{\"index\":0,\"dataDir\":\"d\"}",
                "{\"registry\":\"r\",\"dataDir\":\"d\"}",
                "{\"registry\":\"r\",\"index\":0}",
                "{\"registry\":\"r\",\"index\":\"0\",\"dataDir\":\"d\"}",
                "{\"registry\":\"r\",\"index\":1.5,\"dataDir\":\"d\"}",
                "{\"registry\":7,\"index\":0,\"dataDir\":\"d\"}",
                "[]",
                "{\"registry\":"}) {
            Path file = write(json);

            refused(() -> NodeConfig.read(file));
        }
    }

    @Test
    void read_negativeOrHugeIndex_refusedWithInvalidArgument() throws IOException {
        Path negative = write("{\"registry\":\"r\",\"index\":-1,\"dataDir\":\"d\"}");
        Path huge = write("{\"registry\":\"r\",\"index\":3000000000,\"dataDir\":\"d\"}");

        assertTrue(refused(() -> NodeConfig.read(negative)).getMessage().contains("node index must be >= 0"));
        assertTrue(refused(() -> NodeConfig.read(huge)).getMessage().contains("'index' is too large"));
    }

    @Test
    void read_missingFile_refusedWithInvalidArgumentNamingThePath() {
        Path missing = dir.resolve("nope.json");

        LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(missing));

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void new_negativeIndex_refusedWithInvalidArgument() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> new NodeConfig(dir.resolve("r"), -1, dir.resolve("d"), 4096));

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("node index must be >= 0 but is -1", e.getMessage());
    }

    @Test
    void new_maxBodyBytesAtTheBounds_accepted() {
        assertEquals(1024, new NodeConfig(dir.resolve("r"), 0, dir.resolve("d"), 1024).maxBodyBytes());
        assertEquals(256 * MIB, new NodeConfig(dir.resolve("r"), 0, dir.resolve("d"), 256 * MIB).maxBodyBytes());
    }

    @Test
    void new_maxBodyBytesOutsideTheBounds_refusedWithInvalidArgument() {
        for (long bytes : new long[] {1023, 256 * MIB + 1, 0, -1}) {
            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> new NodeConfig(dir.resolve("r"), 0, dir.resolve("d"), bytes));

            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertEquals("maxBodyBytes must be in [1 KiB, 256 MiB] but is " + bytes, e.getMessage());
        }
    }

    @Test
    void read_malformedFile_throwsLitNodeException() throws IOException {
        Path unknownField = write("{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\",\"port\":7470}");
        Path notJson = write("{\"registry\":");

        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitNodeException.class, () -> NodeConfig.read(unknownField)).code());
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitNodeException.class, () -> NodeConfig.read(notJson)).code());
    }

    @Test
    void capacity_roundTrips_andDefaultsToOff() throws IOException {
        NodeConfig config = NodeConfig.of(dir.resolve("r"), 0, dir.resolve("d")).withCapacity(
                CapacityLimits.of(CapacityMode.ALLOCATION).withWindow(java.time.Duration.ofSeconds(60))
                        .withCreditCache(java.time.Duration.ZERO));
        assertEquals(config, NodeConfig.read(write(config.toJson())));
        assertEquals(CapacityLimits.off(), NodeConfig.read(write("{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\"}"))
                .capacity());
    }

    @Test
    void capacity_badModeWindowOrCache_refusedWithInvalidArgumentNamingIt() throws IOException {
        String base = "{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\",";
        assertTrue(refused(() -> NodeConfig.read(write(base + "\"capacityMode\":\"strict\"}"))).getMessage()
                .contains("capacityMode must be off, holding or allocation"));
        assertTrue(refused(() -> NodeConfig.read(write(base + "\"capacityWindowSeconds\":0}"))).getMessage()
                .contains("capacityWindowSeconds must be in [1, 2592000]"));
        assertTrue(refused(() -> NodeConfig.read(write(base + "\"capacityCacheMillis\":60001}"))).getMessage()
                .contains("capacityCacheMillis must be in [0, 60000]"));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "node-", ".json"), json);
    }

    /** Asserts a refusal with {@code InvalidArgument}, whichever litj exception root carries it. */
    private static RuntimeException refused(Executable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        LitErrorCode code = switch (e) {
            case LitNodeException n -> n.code();
            case LitProtocolException p -> p.code();
            default -> throw new AssertionError("not a litj exception: " + e, e);
        };
        assertEquals(LitErrorCode.InvalidArgument, code, e::toString);
        return e;
    }

    @Test
    void metrics_offInTheFile_roundTripsAndDefaultsToOn() throws IOException {
        NodeConfig off = NodeConfig.of(dir.resolve("registry.sqlite"), 0, dir.resolve("node-0")).withMetrics(false);
        Path file = Files.writeString(dir.resolve("off.json"), off.toJson());

        assertEquals(false, NodeConfig.read(file).metrics());
        assertEquals(true, NodeConfig.read(Files.writeString(dir.resolve("on.json"),
                "{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\"}")).metrics());
    }

    @Test
    void metrics_notABoolean_isRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"),
                "{\"registry\":\"r\",\"index\":0,\"dataDir\":\"d\",\"metrics\":\"no\"}");

        LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("'metrics' must be true or false"), e.getMessage());
    }

    private static final String STAKING = "0xD4507CD392Af2c80919219d7896508728f6A623F";

    @Test
    void chain_roundTrips_withTheAdminTokenInTheDataFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("chain.json"), "{\"chain\":{\"rpcUrl\":\"http://10.0.0.9:8545\","
                + "\"stakingAddress\":\"" + STAKING.toLowerCase() + "\"},\"dataDir\":\"data\"}");
        NodeConfig config = NodeConfig.read(file);

        assertEquals(URI.create("http://10.0.0.9:8545"), config.registryChain().rpcUrl());
        assertEquals(STAKING, config.registryChain().stakingAddress().toChecksumString());
        assertEquals(null, config.registryFile());
        assertEquals(dir.resolve("data").toAbsolutePath().resolve("admin.token"), config.adminTokenFile());
        assertEquals(config, NodeConfig.read(Files.writeString(dir.resolve("again.json"), config.toJson())));
    }

    @Test
    void chain_withRegistryOrIndex_refusedWithInvalidArgument() throws IOException {
        String chain = "\"chain\":{\"rpcUrl\":\"http://127.0.0.1:8545\",\"stakingAddress\":\"" + STAKING + "\"}";
        for (String extra : new String[] {",\"registry\":\"r.sqlite\"", ",\"index\":0"}) {
            Path file = Files.writeString(dir.resolve("bad.json"), "{" + chain + extra + ",\"dataDir\":\"d\"}");
            LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(file));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("without 'registry' and 'index'"), e.getMessage());
        }
    }

    @Test
    void chain_badUrlAddressOrMember_refusedWithInvalidArgumentNamingIt() throws IOException {
        String[][] cases = {
            {"{\"rpcUrl\":\"ftp://127.0.0.1\",\"stakingAddress\":\"" + STAKING + "\"}", "chain.rpcUrl"},
            {"{\"rpcUrl\":\"http://127.0.0.1:8545\",\"stakingAddress\":\"0x12\"}", "chain.stakingAddress"},
            {"{\"rpcUrl\":\"http://127.0.0.1:8545\",\"stakingAddress\":\"" + STAKING + "\",\"port\":1}", "port"},
            {"{\"rpcUrl\":\"http://127.0.0.1:8545\"}", "stakingAddress"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("bad.json"), "{\"chain\":" + c[0] + ",\"dataDir\":\"d\"}");
            LitNodeException e = assertThrows(LitNodeException.class, () -> NodeConfig.read(file), c[0]);
            assertEquals(LitErrorCode.InvalidArgument, e.code(), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void new_neitherOrBothRegistries_refusedWithInvalidArgument() {
        RegistryChain chain = new RegistryChain(URI.create("http://127.0.0.1:8545"),
                io.litj.protocol.crypto.EthAddress.parse(STAKING, "s"));
        for (Path registry : new Path[] {null, dir.resolve("r.sqlite")}) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> new NodeConfig(registry, 0, dir,
                    NodeConfig.DEFAULT_MAX_BODY_BYTES, HttpLimits.defaults(), ChainConfig.none(),
                    CapacityLimits.off(), io.litj.node.fetch.FetchLimits.defaults(), registry == null ? null : chain,
                    true, ListenConfig.registered()));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("either a registry file or a chain"), e.getMessage());
        }
    }
}
