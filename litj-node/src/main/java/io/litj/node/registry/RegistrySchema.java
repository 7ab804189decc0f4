package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The registry's tables, and the check that a file is a litj registry of the version this code reads. A registry is
 * marked twice: the SQLite header's {@code application_id} and a {@code schema_version} row naming the application.
 */
final class RegistrySchema {
    /** {@code PRAGMA application_id} of a litj registry: the ASCII bytes {@code LitJ}. */
    static final int APPLICATION_ID = 0x4c69744a;
    /** The application name in {@code schema_version}. */
    static final String APPLICATION = "litj-registry";
    /** The schema version this code writes and reads. */
    static final int VERSION = 1;

    private static final List<String> TABLES = List.of(
            "CREATE TABLE schema_version (app TEXT NOT NULL, version INTEGER NOT NULL)",
            "CREATE TABLE network (id INTEGER PRIMARY KEY CHECK (id = 1), chain_id INTEGER NOT NULL,"
                    + " epoch INTEGER NOT NULL, threshold INTEGER NOT NULL, staking_address TEXT NOT NULL,"
                    + " epoch_start_seconds INTEGER NOT NULL, epoch_start_nanos INTEGER NOT NULL,"
                    + " epoch_length_seconds INTEGER NOT NULL)",
            "CREATE TABLE nodes (idx INTEGER PRIMARY KEY, host TEXT NOT NULL, port INTEGER NOT NULL,"
                    + " eth_address TEXT NOT NULL, identity_key TEXT NOT NULL, UNIQUE (host, port))",
            "CREATE TABLE blocks (number INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE,"
                    + " ts_seconds INTEGER NOT NULL, ts_nanos INTEGER NOT NULL)",
            "CREATE INDEX blocks_by_time ON blocks (ts_seconds)");

    private RegistrySchema() {
    }

    /** Creates the tables in a new, empty database and marks it; the caller commits. */
    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            for (String ddl : TABLES) {
                s.execute(ddl);
            }
            for (String ddl : PkpTable.DDL) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO schema_version (app, version) VALUES ('" + APPLICATION + "', " + VERSION + ")");
        }
    }

    /**
     * Refuses a file that is not a litj registry of {@link #VERSION}, with {@code InvalidArgument} and a message
     * naming the file and what was found instead.
     */
    static void verify(Connection c, Path file) throws SQLException {
        int applicationId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            applicationId = rs.next() ? rs.getInt(1) : 0;
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw foreign(file, "is not a SQLite database");
            }
            throw e;
        }
        if (applicationId != APPLICATION_ID) {
            throw foreign(file, "has SQLite application_id 0x" + Integer.toHexString(applicationId)
                    + " but a litj registry has 0x" + Integer.toHexString(APPLICATION_ID));
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT app, version FROM schema_version")) {
            if (!rs.next()) {
                throw foreign(file, "has an empty schema_version table");
            }
            String app = rs.getString(1);
            int version = rs.getInt(2);
            if (!APPLICATION.equals(app)) {
                throw foreign(file, "belongs to application '" + cut(app) + "', expected '" + APPLICATION + "'");
            }
            if (version != VERSION) {
                throw foreign(file, "has registry schema version " + version + " but this litj reads version "
                        + VERSION);
            }
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_ERROR && String.valueOf(e.getMessage())
                    .contains("no such table")) {
                throw foreign(file, "has no schema_version table");
            }
            throw e;
        }
    }

    static LitNodeException foreign(Path file, String problem) {
        return new LitNodeException(LitErrorCode.InvalidArgument, "registry file " + file + " is not a litj registry: "
                + "it " + problem);
    }

    private static String cut(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
