package io.litj.node.registry.internal;

import io.litj.node.LitNodeException;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.EthAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one home of the SQLite registry's layout, shared by the node's reader ({@code SqliteRegistry}) and the
 * devnet's writer ({@code io.litj.devnet.registry.SqliteRegistryWriter}): the tables, the column lists both sides
 * name, how permission ids and scopes are stored, and the check that a file is a litj registry of the version this
 * code reads. A registry is marked twice: the SQLite header's {@code application_id} and a {@code schema_version} row
 * naming the application. Stateless.
 */
public final class RegistrySchema {
    /** {@code PRAGMA application_id} of a litj registry: the ASCII bytes {@code LitJ}. */
    public static final int APPLICATION_ID = 0x4c69744a;
    /** The application name in {@code schema_version}. */
    public static final String APPLICATION = "litj-registry";
    /** The schema version this code writes and reads. */
    public static final int VERSION = 1;
    /** The columns of {@code network} besides its fixed {@code id = 1}. */
    public static final String NETWORK_COLUMNS = "chain_id, epoch, threshold, staking_address, epoch_start_seconds,"
            + " epoch_start_nanos, epoch_length_seconds";
    /** The columns of {@code nodes}. */
    public static final String NODE_COLUMNS = "idx, host, port, eth_address, identity_key";
    /** The columns of {@code blocks}. */
    public static final String BLOCK_COLUMNS = "number, hash, ts_seconds, ts_nanos";
    /** The columns of {@code pkps} a reader maps ({@code created_seq} only orders them). */
    public static final String PKP_COLUMNS = "token_id, public_key, eth_address";
    /** The columns of {@code capacity_credits} a reader maps ({@code created_seq} orders them and gives the ids). */
    public static final String CAPACITY_COLUMNS = "token_id, owner, requests_per_kilosecond, expires_at_seconds";
    /** The columns of {@code pkp_permissions} besides {@code token_id}. */
    public static final String PERMISSION_COLUMNS = "auth_method_type, id, scopes";

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
    /** The PKP tables; {@code IF NOT EXISTS} because a registry made before PKPs existed gains them at its first. */
    private static final List<String> PKP_TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS pkps (token_id TEXT PRIMARY KEY, public_key TEXT NOT NULL UNIQUE,"
                    + " eth_address TEXT NOT NULL, created_seq INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS pkp_permissions (token_id TEXT NOT NULL REFERENCES pkps(token_id),"
                    + " auth_method_type INTEGER NOT NULL, id TEXT NOT NULL, scopes TEXT NOT NULL,"
                    + " PRIMARY KEY (token_id, auth_method_type, id))",
            "CREATE TABLE IF NOT EXISTS pkp_owners (token_id TEXT PRIMARY KEY REFERENCES pkps(token_id),"
                    + " owner TEXT NOT NULL)");

    /**
     * The Lit Action code table: UTF-8 source by its IPFS CIDv0 ({@code litj action put}); {@code IF NOT EXISTS} so
     * that an older registry gains it at its first put.
     */
    private static final List<String> ACTION_TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS action_code (cid TEXT PRIMARY KEY, code TEXT NOT NULL)");

    /** The capacity-credit table; {@code IF NOT EXISTS} so that an older registry gains it at its first mint. */
    private static final List<String> CAPACITY_TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS capacity_credits (token_id TEXT PRIMARY KEY, owner TEXT NOT NULL,"
                    + " requests_per_kilosecond INTEGER NOT NULL, expires_at_seconds INTEGER NOT NULL,"
                    + " created_seq INTEGER NOT NULL UNIQUE)",
            "CREATE INDEX IF NOT EXISTS capacity_credits_by_owner ON capacity_credits (owner)");

    private RegistrySchema() {
    }

    /** Creates every table in a new, empty database and marks it; the caller commits. */
    public static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            for (String ddl : TABLES) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO schema_version (app, version) VALUES ('" + APPLICATION + "', " + VERSION + ")");
        }
        installPkpTables(c);
        installCapacityTables(c);
        installActionTables(c);
    }

    /** Creates the Lit Action code table if the file lacks it. */
    public static void installActionTables(Connection c) throws SQLException {
        executeAll(c, ACTION_TABLES);
    }

    /** True if the file has the Lit Action code table (an older registry has none and so no stored actions). */
    public static boolean hasActionTables(Connection c) throws SQLException {
        return hasTable(c, "action_code");
    }

    /** Creates the capacity-credit table if the file lacks it. */
    public static void installCapacityTables(Connection c) throws SQLException {
        executeAll(c, CAPACITY_TABLES);
    }

    private static void executeAll(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** True if the file has the capacity-credit table (an older registry has none and so no credits). */
    public static boolean hasCapacityTables(Connection c) throws SQLException {
        return hasTable(c, "capacity_credits");
    }

    /** A credit owner as stored and looked up: {@code 0x} + 40 lowercase hex digits. */
    public static String ownerText(EthAddress owner) {
        return owner.toLowerHex();
    }

    /** Creates the PKP tables if the file lacks them. */
    public static void installPkpTables(Connection c) throws SQLException {
        executeAll(c, PKP_TABLES);
    }

    /** True if the file records PKP owners (one made before owners were recorded has none: no PKP has one). */
    public static boolean hasPkpOwners(Connection c) throws SQLException {
        return hasTable(c, "pkp_owners");
    }

    /** True if the file has the PKP tables (a registry made before PKPs existed has none and so no PKPs). */
    public static boolean hasPkpTables(Connection c) throws SQLException {
        return hasTable(c, "pkps");
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (java.sql.PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A permission's id as stored and looked up: wallet addresses compare without case; CIDs are case-sensitive. */
    public static String permissionId(int authMethodType, String id) {
        return authMethodType == PkpPermission.ETH_WALLET ? id.toLowerCase(Locale.ROOT) : id;
    }

    /** Scopes as stored: sorted, comma-separated. */
    public static String scopesText(Set<Integer> scopes) {
        return String.join(",", scopes.stream().sorted().map(String::valueOf).toList());
    }

    /** The scopes of {@link #scopesText}. */
    public static Set<Integer> scopesOf(String text) {
        Set<Integer> scopes = new HashSet<>();
        for (String s : text.split(",")) {
            if (!s.isEmpty()) {
                scopes.add(Integer.parseInt(s));
            }
        }
        return scopes;
    }

    /**
     * Refuses a file that is not a litj registry of {@link #VERSION}, with {@code InvalidArgument} and a message
     * naming the file and what was found instead.
     */
    public static void verify(Connection c, Path file) throws SQLException {
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
                throw foreign(file, "belongs to application '" + Text.cut(app) + "', expected '" + APPLICATION
                        + "'");
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

    /** Refuses a path the SQLite JDBC URL cannot carry. */
    public static void checkPath(Path file) {
        if (file.toString().indexOf('?') >= 0) {
            throw refused(file, "has a '?' in its path, which the SQLite JDBC URL cannot carry");
        }
    }

    /** {@code InvalidArgument}: "registry file {@code <file> <problem>}". */
    public static LitNodeException refused(Path file, String problem) {
        return new LitNodeException(LitErrorCode.InvalidArgument, "registry file " + file + " " + problem);
    }

    /** {@code InvalidArgument}: the file is no litj registry of this version. */
    public static LitNodeException foreign(Path file, String problem) {
        return refused(file, "is not a litj registry: it " + problem);
    }
}
