package io.litj.node.ratelimit;

import io.litj.node.LitNodeException;
import io.litj.node.SqliteFiles;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * How many requests each capacity delegation's grant has paid for on this node, kept in
 * {@code <dataDir>/}{@value #FILE_NAME} so that a restart does not give the {@code uses} back. A delegation is keyed
 * by the hash of its signed SIWE text ({@link io.litj.protocol.auth.CapacityDelegationProof#usesKey()}), never by
 * its signature's encoding, plus the grant's index. A row is kept until the delegation expires, then dropped (at
 * open and every {@value #PRUNE_EVERY} writes).
 *
 * <p>Each use is one SQLite transaction in WAL mode with {@code synchronous=NORMAL}: it survives the node process
 * ending at any point; a power loss may lose the last uses. Thread-safe: one connection under one lock, which also
 * covers the charge a use pays for ({@link #useIf}), so concurrent requests cannot spend one use twice.
 */
public final class UsesLedger implements AutoCloseable {
    /** The ledger's file name in the node's data folder. */
    public static final String FILE_NAME = "capacity-uses.sqlite";
    static final int PRUNE_EVERY = 1024;

    /** What {@link #useIf} did. */
    public enum Outcome {
        /** The charge was made and one use counted. */
        USED,
        /** All uses were spent already; nothing was charged. */
        USED_UP,
        /** A use was left but the charge failed; nothing was counted. */
        NOT_CHARGED
    }

    private final Path file;
    private final Connection connection;
    private long writes;

    private UsesLedger(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the ledger in {@code dataDir} and drops rows of delegations that expired before {@code now}.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the file cannot be opened
     */
    public static UsesLedger open(Path dataDir, Instant now) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Connection c = SqliteFiles.openWal(file, "CREATE TABLE IF NOT EXISTS uses (grant_key TEXT PRIMARY KEY,"
                    + " used INTEGER NOT NULL, keep_until INTEGER NOT NULL)");
            UsesLedger ledger = new UsesLedger(file, c);
            ledger.prune(now);
            return ledger;
        } catch (SQLException | java.io.IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot open the capacity uses ledger " + file
                    + ": " + e.getMessage());
        }
    }

    /**
     * Counts one use of grant {@code grant} of the delegation {@code key} if fewer than {@code limit} were counted
     * and {@code charge} (run under the ledger's lock) succeeds.
     *
     * @param keepUntil the delegation's expiration: the row is kept at least until then
     * @param now       the request's time (rows that expired before it may be dropped)
     */
    public synchronized Outcome useIf(Bytes key, int grant, long limit, Instant keepUntil, Instant now,
            BooleanSupplier charge) {
        String id = key.hex() + ":" + grant;
        try {
            long used = used(id);
            if (used >= limit) {
                return Outcome.USED_UP;
            }
            if (!charge.getAsBoolean()) {
                return Outcome.NOT_CHARGED;
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO uses (grant_key, used, keep_until)"
                    + " VALUES (?, 1, ?) ON CONFLICT(grant_key) DO UPDATE SET used = used + 1,"
                    + " keep_until = MAX(keep_until, excluded.keep_until)")) {
                p.setString(1, id);
                p.setLong(2, keepUntil.getEpochSecond() + 1);
                p.executeUpdate();
            }
            if (++writes % PRUNE_EVERY == 0) {
                prune(now);
            }
            return Outcome.USED;
        } catch (SQLException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "capacity uses ledger " + file + ": "
                    + e.getMessage());
        }
    }

    /** The uses counted for grant {@code grant} of delegation {@code key}. */
    public synchronized long used(Bytes key, int grant) {
        try {
            return used(key.hex() + ":" + grant);
        } catch (SQLException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "capacity uses ledger " + file + ": "
                    + e.getMessage());
        }
    }

    /** Rows kept now (for tests of the pruning). */
    synchronized int rows() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM uses")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private long used(String id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT used FROM uses WHERE grant_key = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Drops rows of delegations that expired before {@code now}. */
    synchronized void prune(Instant now) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM uses WHERE keep_until < ?")) {
            p.setLong(1, now.getEpochSecond());
            p.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "closing " + file + ": " + e.getMessage());
        }
    }
}
