package io.litj.node.registry.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A small pool of SQLite connections to one registry file, used by the node's reader and the devnet's writer alike:
 * at most {@value #MAX_CONNECTIONS} in use at once, idle ones kept for re-use. A sqlite-jdbc connection must not be
 * shared by two threads, so each borrower has its connection to itself. Every connection runs with
 * {@code synchronous=FULL}, a busy timeout and foreign keys on; writes run in {@code BEGIN IMMEDIATE} transactions.
 * The journal mode is not set here: it is persistent in the file ({@code WAL}, written once when the devnet creates
 * it), and setting it on open would rewrite a foreign file.
 *
 * <p>Thread-safe. Borrowing waits at most {@code borrowTimeout}; afterwards, and after {@link #close()}, it fails
 * with {@code NodeSystemFault}.
 */
public final class ConnectionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
    /** Most connections in use at once. */
    public static final int MAX_CONNECTIONS = 8;
    /** How long a connection waits for another process's write lock. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);

    /** What a unit of work does with a borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final String url;
    private final SQLiteConfig config;
    private final Semaphore permits;
    private final Duration borrowTimeout;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * Opens a pool on the existing registry {@code file} after checking that it is a litj registry of this schema
     * version ({@link RegistrySchema#verify}); warns if the file is not in WAL mode.
     *
     * @throws LitNodeException {@code InvalidArgument} if the file is missing, not a SQLite database, or not a litj
     *         registry of this schema version; {@code NodeSystemFault} on I/O or SQLite failure
     */
    public static ConnectionPool openRegistry(Path file) {
        Objects.requireNonNull(file, "file");
        RegistrySchema.checkPath(file);
        if (!Files.isRegularFile(file)) {
            throw RegistrySchema.refused(file, "does not exist (a devnet launcher creates it)");
        }
        ConnectionPool pool = new ConnectionPool(file, MAX_CONNECTIONS, BUSY_TIMEOUT, BORROW_TIMEOUT);
        try {
            String mode = pool.read("checking the schema", c -> {
                RegistrySchema.verify(c, file);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    return rs.next() ? rs.getString(1) : "?";
                }
            });
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("registry {} is in journal mode {}, not wal: readers may wait for the writer", file, mode);
            }
        } catch (RuntimeException e) {
            pool.close();
            if (e.getCause() instanceof SQLiteException sql && sql.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw RegistrySchema.foreign(file, "is not a SQLite database");
            }
            throw e;
        }
        return pool;
    }

    private ConnectionPool(Path file, int maxConnections, Duration busyTimeout, Duration borrowTimeout) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.permits = new Semaphore(maxConnections, true);
        this.borrowTimeout = borrowTimeout;
        this.config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        // never create the file here: only the devnet's writer creates a registry, under a temporary name
        config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
    }

    /** Runs {@code work} on a connection in auto-commit mode (each statement its own transaction). */
    public <T> T read(String what, Work<T> work) {
        Connection connection = borrow(what);
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = true;
            return result;
        } catch (LitNodeException e) {
            healthy = true;
            throw e;
        } catch (SQLException e) {
            throw fault(what, e);
        } finally {
            release(connection, healthy);
        }
    }

    /**
     * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: committed if it returns, rolled back if not. The
     * transaction is opened and closed with explicit statements (the JDBC auto-commit switch would make sqlite-jdbc
     * open the next write transaction right after each commit).
     */
    public <T> T write(String what, Work<T> work) {
        Connection connection = borrow(what);
        boolean healthy = false;
        try {
            execute(connection, "BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                execute(connection, "COMMIT");
                healthy = true;
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                if (e instanceof LitNodeException refused) {
                    healthy = true;
                    throw refused;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw fault(what, e);
        } finally {
            release(connection, healthy);
        }
    }

    /** Closes idle connections now and borrowed ones when they come back; later borrows fail. */
    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            closeQuietly(c);
        }
    }

    /** True after {@link #close()}. */
    public boolean isClosed() {
        return closed;
    }

    private LitNodeException fault(String what, SQLException e) {
        return new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file + ": " + what + " failed: "
                + e.getMessage(), List.of(), e);
    }

    private Connection borrow(String what) {
        ensureOpen();
        try {
            if (!permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file + ": " + what
                        + " found no free connection within " + borrowTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file + ": " + what
                    + " was interrupted", List.of(), e);
        }
        try {
            ensureOpen();
            Connection c = idle.poll();
            return c != null ? c : config.createConnection(url);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            if (e instanceof SQLException sql) {
                throw fault("opening a connection for " + what, sql);
            }
            throw (RuntimeException) e;
        }
    }

    private void release(Connection connection, boolean healthy) {
        try {
            if (healthy && !closed) {
                idle.push(connection);
                if (closed && idle.remove(connection)) {
                    closeQuietly(connection);
                }
            } else {
                closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file + " is closed");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e); // e.g. SQLite already rolled back; the connection is then discarded
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection we no longer use; nothing to recover
        }
    }
}
