package io.litj.node.registry;

import static io.litj.node.registry.TestRegistries.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegistryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void create_thenReopen_readsNetworkAndNodesBack() {
        Path file = dir.resolve("data/registry.sqlite");
        try (SqliteRegistry created = SqliteRegistry.create(file, TestRegistries.network(3),
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
        TestRegistries.create(dir, 3).close();
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
                () -> SqliteRegistry.create(file, TestRegistries.network(3), TestRegistries.nodes(3)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("registry file " + file + " already exists; refusing to overwrite it", e.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void create_nodesNotIndexedFromZero_refused() {
        List<NodeEntry> nodes = List.of(TestRegistries.nodes(3).get(1), TestRegistries.nodes(3).get(2));
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.create(
                dir.resolve("r.sqlite"), TestRegistries.network(2), nodes));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("node at position 0 has index 1, expected 0"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("r.sqlite")));
    }

    @Test
    void create_thresholdAboveNodeCount_refused() {
        NetworkInfo network = new NetworkInfo(1, 1, 4, TestRegistries.STAKING, T0, 3600);
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.create(
                dir.resolve("r.sqlite"), network, TestRegistries.nodes(3)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().endsWith("threshold 4 exceeds the 3 nodes"), e.getMessage());
    }

    @Test
    void open_missingFile_refusedAndNotCreated() {
        Path file = dir.resolve("missing.sqlite");
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("registry file " + file + " does not exist (a devnet launcher creates it)", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void open_textFile_refusedAsNotSqlite() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "this is not a database, just some text that is long enough ".repeat(20));
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("registry file " + file + " is not a litj registry: it is not a SQLite database",
                e.getMessage());
    }

    @Test
    void open_foreignSqliteFile_refused() throws Exception {
        Path file = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE things (id INTEGER)");
        }
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("registry file " + file + " is not a litj registry: it has SQLite"
                + " application_id 0x0"), e.getMessage());
    }

    @Test
    void open_otherSchemaVersion_refused() throws Exception {
        TestRegistries.create(dir, 3).close();
        Path file = dir.resolve("registry.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 2");
        }
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().endsWith("has registry schema version 2 but this litj reads version 1"),
                e.getMessage());
    }

    @Test
    void latestBlock_noBlockYet_throwsNodeSystemFault() {
        try (SqliteRegistry r = TestRegistries.create(dir, 3)) {
            LitNodeException e = assertThrows(LitNodeException.class, r::latestBlock);
            assertEquals(LitErrorCode.NodeSystemFault, e.code());
            assertEquals("registry " + r.file() + " holds no block yet", e.getMessage());
        }
    }

    @Test
    void appendBlock_inSequence_becomesLatestAndFindable() {
        try (SqliteRegistry r = TestRegistries.create(dir, 3)) {
            r.appendBlock(block(0, T0));
            r.appendBlock(block(1, T0.plusSeconds(2)));
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
        try (SqliteRegistry r = TestRegistries.create(dir, 3)) {
            LitNodeException first = assertThrows(LitNodeException.class, () -> r.appendBlock(block(1, T0)));
            assertEquals(LitErrorCode.InvalidArgument, first.code());
            assertEquals("registry file " + r.file() + " expected block number 0 but got 1", first.getMessage());
            r.appendBlock(block(0, T0));
            LitNodeException again = assertThrows(LitNodeException.class, () -> r.appendBlock(block(0, T0)));
            assertEquals(LitErrorCode.InvalidArgument, again.code());
            assertEquals(block(0, T0), r.latestBlock(), "a refused append leaves the registry as it was");
        }
    }

    @Test
    void twoInstancesOnOneFile_readerSeesWriterBlocks() {
        try (SqliteRegistry writer = TestRegistries.create(dir, 3);
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
        try (SqliteRegistry writer = TestRegistries.create(dir, 3)) {
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
        try (SqliteRegistry a = TestRegistries.create(dir, 3);
             SqliteRegistry b = SqliteRegistry.open(a.file());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            a.appendBlock(block(0, T0));
            for (int round = 1; round <= 20; round++) {
                Block candidate = block(round, T0.plusSeconds(round));
                Block rival = new Block(round, String.format("0x%064x", 0xfeed000L + round), T0.plusSeconds(round));
                Future<Boolean> first = pool.submit(() -> tryAppend(a, candidate));
                Future<Boolean> second = pool.submit(() -> tryAppend(b, rival));
                int wins = (first.get(30, TimeUnit.SECONDS) ? 1 : 0) + (second.get(30, TimeUnit.SECONDS) ? 1 : 0);
                assertEquals(1, wins, "round " + round);
                assertEquals(round, a.latestBlock().number());
            }
        }
    }

    private static boolean tryAppend(SqliteRegistry registry, Block block) {
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
        try (SqliteRegistry r = TestRegistries.create(dir, 3)) {
            for (int i = 0; i < 10; i++) {
                r.appendBlock(block(i, T0.plusSeconds(10L * i)));
            }
            assertEquals(5, r.pruneBlocksBefore(T0.plusSeconds(50)));
            assertEquals(Optional.empty(), r.block(4));
            assertEquals(5, r.block(5).orElseThrow().number());
            assertEquals(4, r.pruneBlocksBefore(T0.plusSeconds(10_000)));
            assertEquals(9, r.latestBlock().number());
            assertEquals(0, r.pruneBlocksBefore(T0.plusSeconds(10_000)));
            r.appendBlock(block(10, T0.plusSeconds(100)));
            assertEquals(10, r.latestBlock().number());
        }
    }

    @Test
    void concurrentReadsDuringWrites_allSucceed() throws Exception {
        try (SqliteRegistry writer = TestRegistries.create(dir, 3);
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
        SqliteRegistry r = TestRegistries.create(dir, 3);
        r.close();
        r.close();
        LitNodeException e = assertThrows(LitNodeException.class, r::nodes);
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals("registry " + r.file() + " is closed", e.getMessage());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
