package io.litj.node.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.registry.internal.RegistrySchema;
import io.litj.protocol.LitErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's reader of a registry file: which files it refuses to open, what an empty registry reads as, and that
 * it never creates or changes a file. What the devnet writes and this reader reads back is tested with the writer
 * ({@code litj-devnet}: {@code SqliteRegistryWriterTest}).
 */
class SqliteRegistryTest {
    @TempDir
    Path dir;

    /** A registry file with the schema and marks but no rows, made with the schema's own DDL. */
    private Path emptyRegistry() throws Exception {
        Path file = dir.resolve("registry.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            RegistrySchema.install(c);
            c.commit();
        }
        return file;
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
        Path file = emptyRegistry();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 2");
        }
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().endsWith("has registry schema version 2 but this litj reads version 1"),
                e.getMessage());
    }

    @Test
    void open_otherApplication_refusedWithTheNameCut() throws Exception {
        Path file = emptyRegistry();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET app = '" + "x".repeat(100) + "'");
        }
        LitNodeException e = assertThrows(LitNodeException.class, () -> SqliteRegistry.open(file));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().endsWith("belongs to application '" + "x".repeat(64) + "…', expected '"
                + RegistrySchema.APPLICATION + "'"), e.getMessage());
    }

    @Test
    void emptyRegistry_readsNoNodesNoPkpsAndNoBlock() throws Exception {
        try (SqliteRegistry r = SqliteRegistry.open(emptyRegistry())) {
            assertEquals(List.of(), r.nodes());
            assertEquals(List.of(), r.pkps());
            assertEquals(Optional.empty(), r.pkp("ab".repeat(32)));
            assertEquals(List.of(), r.pkpsPermitting(PkpPermission.ETH_WALLET, "0x" + "ab".repeat(20)));
            assertEquals(Optional.empty(), r.block("0x" + "ab".repeat(32)));
            assertEquals(Optional.empty(), r.block("not hex at all"));
            assertEquals(Optional.empty(), r.block(0));
            LitNodeException noBlock = assertThrows(LitNodeException.class, r::latestBlock);
            assertEquals(LitErrorCode.NodeSystemFault, noBlock.code());
            assertEquals("registry " + r.file() + " holds no block yet", noBlock.getMessage());
            LitNodeException noNetwork = assertThrows(LitNodeException.class, r::network);
            assertEquals(LitErrorCode.NodeSystemFault, noNetwork.code());
            assertEquals("registry " + r.file() + " has no network row", noNetwork.getMessage());
        }
    }

    @Test
    void close_laterCallsFailWithNodeSystemFault_andCloseIsIdempotent() throws Exception {
        SqliteRegistry r = SqliteRegistry.open(emptyRegistry());
        r.close();
        r.close();
        LitNodeException e = assertThrows(LitNodeException.class, r::nodes);
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals("registry " + r.file() + " is closed", e.getMessage());
    }
}
