package io.litj.devnet.registry;

import static io.litj.node.registry.TestRegistries.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.SqliteRegistry;
import io.litj.node.registry.TestRegistries;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the devnet writes into a registry file, read back the way nodes read it ({@link SqliteRegistry}), also from a
 * second connection pool and from another JVM: creation, blocks in sequence, pruning, PKPs.
 */
class SqliteRegistryWriterTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void create_thenReopen_readsNetworkAndNodesBack() {
        Path file = dir.resolve("data/registry.sqlite");
        try (SqliteRegistryWriter created = SqliteRegistryWriter.create(file, TestRegistries.network(3),
                TestRegistries.nodes(3))) {
            assertEquals(file, created.file());
        }
        try (SqliteRegistry reopened = SqliteRegistry.open(file)) {
            assertEquals(TestRegistries.network(3), reopened.network());
            assertEquals(TestRegistries.nodes(3), reopened.nodes());
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".creating-")),
                    "no temporary file is left behind");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void create_fileIsInWalMode() throws Exception {
        TestRegistryFiles.create(dir, 3).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("registry.sqlite"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertTrue(rs.next());
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void create_existingFile_refusedWithInvalidArgument() throws Exception {
        Path file = dir.resolve("registry.sqlite");
        Files.writeString(file, "keep me");
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> SqliteRegistryWriter.create(file, TestRegistries.network(3), TestRegistries.nodes(3)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("registry file " + file + " already exists; refusing to overwrite it", e.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void create_nodesNotIndexedFromZero_refused() {
        List<NodeEntry> nodes = List.of(TestRegistries.nodes(3).get(1), TestRegistries.nodes(3).get(2));
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistryWriter.create(
                dir.resolve("r.sqlite"), TestRegistries.network(2), nodes));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("node at position 0 has index 1, expected 0"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("r.sqlite")));
    }

    @Test
    void create_thresholdAboveNodeCount_refused() {
        NetworkInfo network = new NetworkInfo(1, 1, 4, TestRegistries.STAKING, T0, 3600);
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistryWriter.create(
                dir.resolve("r.sqlite"), network, TestRegistries.nodes(3)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().endsWith("threshold 4 exceeds the 3 nodes"), e.getMessage());
    }

    @Test
    void latestBlock_noBlockYet_isEmpty() {
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3)) {
            assertEquals(Optional.empty(), w.latestBlock());
        }
    }

    @Test
    void open_missingFile_refusedAndNotCreated() {
        Path file = dir.resolve("missing.sqlite");
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistryWriter.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("registry file " + file + " does not exist (a devnet launcher creates it)", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void appendBlock_inSequence_becomesLatestAndFindable() {
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3);
             SqliteRegistry r = SqliteRegistry.open(w.file())) {
            w.appendBlock(block(0, T0));
            w.appendBlock(block(1, T0.plusSeconds(2)));
            assertEquals(Optional.of(block(1, T0.plusSeconds(2))), w.latestBlock());
            Block latest = r.latestBlock();
            assertEquals(block(1, T0.plusSeconds(2)), latest);
            assertEquals(Optional.of(latest), r.block(latest.hash().toUpperCase().replace("0X", "0x")));
            assertEquals(Optional.of(latest), r.block("0X" + latest.hash().substring(2)));
            assertEquals(Optional.of(block(0, T0)), r.block(0));
            assertEquals(Optional.empty(), r.block(2));
            assertEquals(Optional.empty(), r.block("0x1234"));
            assertEquals(Optional.empty(), r.block("not hex at all"));
            assertEquals(Optional.empty(), r.block(String.format("0x%064x", 42)));
        }
    }

    @Test
    void appendBlock_outOfSequence_refusedWithInvalidArgument() {
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3)) {
            LitNodeException first = assertThrows(LitNodeException.class, () -> w.appendBlock(block(1, T0)));
            assertEquals(LitErrorCode.InvalidArgument, first.code());
            assertEquals("registry file " + w.file() + " expected block number 0 but got 1", first.getMessage());
            w.appendBlock(block(0, T0));
            LitNodeException again = assertThrows(LitNodeException.class, () -> w.appendBlock(block(0, T0)));
            assertEquals(LitErrorCode.InvalidArgument, again.code());
            assertEquals(Optional.of(block(0, T0)), w.latestBlock(), "a refused append leaves the registry as it was");
        }
    }

    @Test
    void twoInstancesOnOneFile_readerSeesWriterBlocks() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            writer.appendBlock(block(0, T0));
            assertEquals(0, reader.latestBlock().number());
            for (int i = 1; i <= 5; i++) {
                writer.appendBlock(block(i, T0.plusSeconds(2L * i)));
                assertEquals(block(i, T0.plusSeconds(2L * i)), reader.latestBlock());
            }
            assertEquals(TestRegistries.nodes(3), reader.nodes());
        }
    }

    @Test
    void separateJvmProcess_readsBlocksWrittenHere() throws Exception {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3)) {
            writer.appendBlock(block(0, T0));
            writer.appendBlock(block(1, T0.plusSeconds(2)));
            Path out = dir.resolve("child.txt");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), RegistryReaderMain.class.getName(),
                    writer.file().toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            boolean done = child.waitFor(30, TimeUnit.SECONDS);
            if (!done) {
                child.destroyForcibly();
            }
            assertTrue(done, "the child JVM finished within 30 s");
            assertEquals(0, child.exitValue(), () -> "child log: " + readQuietly(dir.resolve("child.log")));
            assertEquals("1 " + block(1, T0).hash() + " 3", Files.readString(out));
        }
    }

    @Test
    void twoWritersRacingForOneNumber_exactlyOneWins() throws Exception {
        try (SqliteRegistryWriter a = TestRegistryFiles.create(dir, 3);
             SqliteRegistryWriter b = SqliteRegistryWriter.open(a.file());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            a.appendBlock(block(0, T0));
            for (int round = 1; round <= 20; round++) {
                Block candidate = block(round, T0.plusSeconds(round));
                Block rival = new Block(round, String.format("0x%064x", 0xfeed000L + round), T0.plusSeconds(round));
                Future<Boolean> first = pool.submit(() -> tryAppend(a, candidate));
                Future<Boolean> second = pool.submit(() -> tryAppend(b, rival));
                int wins = (first.get(30, TimeUnit.SECONDS) ? 1 : 0) + (second.get(30, TimeUnit.SECONDS) ? 1 : 0);
                assertEquals(1, wins, "round " + round);
                assertEquals(round, a.latestBlock().orElseThrow().number());
            }
        }
    }

    private static boolean tryAppend(SqliteRegistryWriter registry, Block block) {
        try {
            registry.appendBlock(block);
            return true;
        } catch (LitNodeException e) {
            assertEquals(LitErrorCode.InvalidArgument, e.code(), e.getMessage());
            return false;
        }
    }

    @Test
    void pruneBlocksBefore_deletesOldBlocksButNeverTheLatest() {
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3);
             SqliteRegistry r = SqliteRegistry.open(w.file())) {
            assertEquals(0, w.pruneBlocksBefore(T0), "nothing to prune in an empty registry");
            for (int i = 0; i < 10; i++) {
                w.appendBlock(block(i, T0.plusSeconds(10L * i)));
            }
            assertEquals(5, w.pruneBlocksBefore(T0.plusSeconds(50)));
            assertEquals(Optional.empty(), r.block(4));
            assertEquals(5, r.block(5).orElseThrow().number());
            assertEquals(4, w.pruneBlocksBefore(T0.plusSeconds(10_000)));
            assertEquals(9, r.latestBlock().number());
            assertEquals(0, w.pruneBlocksBefore(T0.plusSeconds(10_000)));
            w.appendBlock(block(10, T0.plusSeconds(100)));
            assertEquals(10, r.latestBlock().number());
        }
    }

    @Test
    void concurrentReadsDuringWrites_allSucceed() throws Exception {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            writer.appendBlock(block(0, T0));
            List<Future<Long>> reads = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                reads.add(pool.submit(() -> {
                    long seen = -1;
                    for (int i = 0; i < 40; i++) {
                        long number = reader.latestBlock().number();
                        assertTrue(number >= seen, "block numbers never go back");
                        seen = number;
                        assertEquals(3, reader.nodes().size());
                    }
                    return seen;
                }));
            }
            for (int i = 1; i <= 40; i++) {
                writer.appendBlock(block(i, T0.plusSeconds(i)));
            }
            for (Future<Long> f : reads) {
                assertTrue(f.get(30, TimeUnit.SECONDS) >= 0);
            }
            assertEquals(40, reader.latestBlock().number());
        }
    }

    @Test
    void close_laterCallsFailWithNodeSystemFault_andCloseIsIdempotent() {
        SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3);
        w.close();
        w.close();
        LitNodeException e = assertThrows(LitNodeException.class, () -> w.appendBlock(block(0, T0)));
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals("registry " + w.file() + " is closed", e.getMessage());
    }

    @Test
    void addPkp_readerFindsItByTokenIdAndPermissionsInAnyCase() {
        Pkp first = pkp(0x11, new PkpPermission(PkpPermission.ETH_WALLET, TestRegistries.ADDRESSES.get(0)
                .toUpperCase(Locale.ROOT).replace("0X", "0x"), Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)));
        Pkp second = pkp(0x22, new PkpPermission(PkpPermission.LIT_ACTION, "QmCid", Set.of(2, 1)));
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3);
             SqliteRegistry r = SqliteRegistry.open(w.file())) {
            assertEquals(List.of(), r.pkps());
            w.addPkp(first);
            w.addPkp(second);

            assertEquals(List.of(first.tokenId(), second.tokenId()), r.pkps().stream().map(Pkp::tokenId).toList());
            Pkp read = r.pkp(first.tokenId().toUpperCase(Locale.ROOT)).orElseThrow();
            assertEquals(TestRegistries.ADDRESSES.get(0), read.permissions().getFirst().id(), "wallets stored lowercase");
            assertEquals(second, r.pkp(second.tokenId()).orElseThrow());
            assertEquals(List.of(first.tokenId()), r.pkpsPermitting(PkpPermission.ETH_WALLET,
                    TestRegistries.ADDRESSES.get(0).toUpperCase(Locale.ROOT).replace("0X", "0x")));
            assertEquals(List.of(second.tokenId()), r.pkpsPermitting(PkpPermission.LIT_ACTION, "QmCid"));
            assertEquals(List.of(), r.pkpsPermitting(PkpPermission.LIT_ACTION, "qmcid"), "CIDs keep their case");
            LitNodeException twice = assertThrows(LitNodeException.class, () -> w.addPkp(first));
            assertEquals(LitErrorCode.NodeSystemFault, twice.code());
        }
    }

    @Test
    void permit_newMethodIsAdded_knownMethodGainsScopes_unknownPkpIsNodePKPTokenIdNotFound() {
        Pkp pkp = pkp(0x33, new PkpPermission(PkpPermission.LIT_ACTION, "QmCid", Set.of(2)));
        String wallet = TestRegistries.ADDRESSES.get(1);
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3);
             SqliteRegistry r = SqliteRegistry.open(w.file())) {
            w.addPkp(pkp);

            PkpPermission added = w.permit(pkp.tokenId(), new PkpPermission(PkpPermission.ETH_WALLET,
                    wallet.toUpperCase(Locale.ROOT).replace("0X", "0x"), Set.of(1)));
            PkpPermission widened = w.permit(pkp.tokenId(), new PkpPermission(PkpPermission.LIT_ACTION, "QmCid",
                    Set.of(1)));

            assertEquals(new PkpPermission(PkpPermission.ETH_WALLET, wallet, Set.of(1)), added);
            assertEquals(new PkpPermission(PkpPermission.LIT_ACTION, "QmCid", Set.of(1, 2)), widened);
            assertEquals(Set.of(added, widened), Set.copyOf(r.pkp(pkp.tokenId()).orElseThrow().permissions()));
            assertEquals(List.of(pkp.tokenId()), r.pkpsPermitting(PkpPermission.ETH_WALLET, wallet));
            LitNodeException unknown = assertThrows(LitNodeException.class, () -> w.permit("ab".repeat(32), added));
            assertEquals(LitErrorCode.NodePKPTokenIdNotFound, unknown.code());
        }
    }

    /** A PKP whose (fake, well-formed) public key is {@code 04} followed by the byte {@code fill}. */
    private static Pkp pkp(int fill, PkpPermission permission) {
        byte[] key = new byte[65];
        Arrays.fill(key, (byte) fill);
        key[0] = 4;
        return new Pkp(Pkp.tokenIdOf(key), Hex.encode(key), "0x" + "ab".repeat(20),
                List.of(permission));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
