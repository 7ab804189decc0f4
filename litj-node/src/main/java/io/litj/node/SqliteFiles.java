package io.litj.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one way a node opens a small SQLite file of its own in its data folder (capacity uses, revocations): the
 * folder is created if missing, the journal is WAL with {@code synchronous=NORMAL} (a write survives the process
 * ending at any point; a power loss may lose the last ones), and the schema statements run.
 */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    /** Opens (or creates) {@code file} and runs {@code schema} (e.g. {@code CREATE TABLE IF NOT EXISTS …}). */
    public static Connection openWal(Path file, String... schema) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            for (String sql : schema) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
