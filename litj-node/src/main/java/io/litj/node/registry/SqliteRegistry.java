package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The devnet registry: an embedded SQLite file ({@code <data>/registry.sqlite}) shared by the devnet launcher (the
 * writer), the chain view and every node, also across processes on one machine. It holds the network facts, the
 * node list and the recent blocks.
 *
 * <p>The file is in WAL mode, so readers never wait for the writer and see each committed block at their next call;
 * every connection runs with {@code synchronous=FULL} (a committed block survives a power cut) and a busy timeout.
 * Each call borrows a connection from a small pool and runs as its own transaction; writes use
 * {@code BEGIN IMMEDIATE}. Instances are thread-safe; {@link #close()} releases the file.
 *
 * <p>Errors are {@link LitNodeException}s whose message names the file: {@code InvalidArgument} for refused input
 * (a file that exists on create, is missing or foreign on open, a block out of sequence), {@code NodeSystemFault} for
 * SQLite or I/O failures and for use after {@code close()}.
 */
public final class SqliteRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteRegistry.class);
    /** Most blocks kept regardless of age: a little over 30 days at one block every 2 s. */
    public static final long MAX_BLOCKS = 1_500_000;
    private static final int MAX_CONNECTIONS = 8;
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HASH = Pattern.compile("0[xX][0-9a-fA-F]{64}");
    private static final String BLOCK_COLUMNS = "number, hash, ts_seconds, ts_nanos";

    private final Path file;
    private final ConnectionPool pool;

    private SqliteRegistry(Path file, ConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /**
     * Creates a new registry file with these network facts and nodes and no blocks, then opens it. The file is
     * built under a temporary name next to it and linked into place only when complete, so no reader ever sees a
     * half-written registry. Missing parent folders are created.
     *
     * @throws LitNodeException {@code InvalidArgument} if {@code file} exists or the nodes are not indexed
     *         {@code 0..n-1} with distinct addresses and at least {@code threshold} of them; {@code NodeSystemFault}
     *         on I/O or SQLite failure
     */
    public static SqliteRegistry create(Path file, NetworkInfo network, List<NodeEntry> nodes) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(network, "network");
        List<NodeEntry> list = List.copyOf(nodes);
        checkNodes(file, network, list);
        checkPath(file);
        if (Files.exists(file)) {
            throw refused(file, "already exists; refusing to overwrite it");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".creating-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeNew(tmp, network, list);
            linkIntoPlace(tmp, file);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file + ": creating failed: " + e,
                    List.of(), e);
        } catch (SQLException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file + ": creating failed: "
                    + e.getMessage(), List.of(), e);
        } finally {
            deleteQuietly(tmp);
        }
        LOG.info("created registry {} with {} nodes, chain id {}, epoch {}", file, list.size(), network.chainId(),
                network.epoch());
        return open(file);
    }

    /**
     * Opens an existing registry file for reading and writing.
     *
     * @throws LitNodeException {@code InvalidArgument} if the file is missing, not a SQLite database, or not a litj
     *         registry of this schema version; {@code NodeSystemFault} on I/O or SQLite failure
     */
    public static SqliteRegistry open(Path file) {
        Objects.requireNonNull(file, "file");
        checkPath(file);
        if (!Files.isRegularFile(file)) {
            throw refused(file, "does not exist (a devnet launcher creates it)");
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
        LOG.debug("opened registry {}", file);
        return new SqliteRegistry(file, pool);
    }

    /**
     * Records a new PKP and its permissions (written by the process that minted it, e.g. {@code litj pkp mint}).
     *
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure (a duplicate token id included)
     */
    public void addPkp(Pkp pkp) {
        Objects.requireNonNull(pkp, "pkp");
        pool.write("adding PKP " + pkp.tokenId(), c -> {
            PkpTable.install(c);
            PkpTable.insert(c, pkp);
            return null;
        });
    }

    @Override
    public List<Pkp> pkps() {
        return pool.read("reading PKPs", c -> hasPkpTables(c) ? PkpTable.all(c) : List.of());
    }

    @Override
    public Optional<Pkp> pkp(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return pool.read("reading PKP", c -> hasPkpTables(c) ? PkpTable.byTokenId(c, tokenId) : Optional.empty());
    }

    @Override
    public List<String> pkpsPermitting(int authMethodType, String id) {
        return pool.read("reading PKP permissions", c -> hasPkpTables(c) ? PkpTable.tokensFor(c, authMethodType, id)
                : List.of());
    }

    private static boolean hasPkpTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pkps'")) {
            return rs.next();
        }
    }

    /** The registry file. */
    public Path file() {
        return file;
    }

    /**
     * {@inheritDoc} Read at each call.
     *
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure
     */
    @Override
    public List<NodeEntry> nodes() {
        return pool.read("reading nodes", c -> {
            List<NodeEntry> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT idx, host, port, eth_address, identity_key FROM nodes ORDER BY idx")) {
                while (rs.next()) {
                    out.add(new NodeEntry(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return List.copyOf(out);
        });
    }

    /**
     * {@inheritDoc} Read at each call.
     *
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure
     */
    @Override
    public NetworkInfo network() {
        return pool.read("reading the network", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT chain_id, epoch, threshold,"
                    + " staking_address, epoch_start_seconds, epoch_start_nanos, epoch_length_seconds FROM network")) {
                if (!rs.next()) {
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry " + file
                            + " has no network row");
                }
                return new NetworkInfo(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        Instant.ofEpochSecond(rs.getLong(5), rs.getLong(6)), rs.getLong(7));
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws LitNodeException {@code NodeSystemFault} if the registry holds no block yet or on SQLite failure
     */
    @Override
    public Block latestBlock() {
        return pool.read("reading the latest block", c -> latest(c).orElseThrow(() -> new LitNodeException(
                LitErrorCode.NodeSystemFault, "registry " + file + " holds no block yet")));
    }

    /** {@inheritDoc} Text that is not {@code 0x} + 64 hex finds nothing. */
    @Override
    public Optional<Block> block(String hash) {
        Objects.requireNonNull(hash, "hash");
        if (!HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        String key = "0x" + hash.substring(2).toLowerCase(Locale.ROOT);
        return pool.read("looking up a block by hash", c -> one(c, "SELECT " + BLOCK_COLUMNS
                + " FROM blocks WHERE hash = ?", key));
    }

    /** The block with this number, if the registry still holds it. */
    public Optional<Block> block(long number) {
        return pool.read("looking up a block by number", c -> one(c, "SELECT " + BLOCK_COLUMNS
                + " FROM blocks WHERE number = ?", number));
    }

    /**
     * Appends the next block: its number must be the latest block's plus one, or 0 in an empty registry.
     *
     * @throws LitNodeException {@code InvalidArgument} for a block out of sequence; {@code NodeSystemFault} on
     *         SQLite failure (a duplicate hash included)
     */
    public void appendBlock(Block block) {
        Objects.requireNonNull(block, "block");
        pool.write("appending block " + block.number(), c -> {
            long expected = latest(c).map(b -> b.number() + 1).orElse(0L);
            if (block.number() != expected) {
                throw refused(file, "expected block number " + expected + " but got " + block.number());
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO blocks (" + BLOCK_COLUMNS
                    + ") VALUES (?, ?, ?, ?)")) {
                p.setLong(1, block.number());
                p.setString(2, block.hash());
                p.setLong(3, block.timestamp().getEpochSecond());
                p.setInt(4, block.timestamp().getNano());
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes blocks older than {@code cutoff}, and all but the newest {@link #MAX_BLOCKS}; the latest block is
     * always kept.
     *
     * @return how many blocks were deleted
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure
     */
    public int pruneBlocksBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return pool.write("pruning blocks", c -> {
            Optional<Block> latest = latest(c);
            if (latest.isEmpty()) {
                return 0;
            }
            long newest = latest.get().number();
            try (PreparedStatement p = c.prepareStatement("DELETE FROM blocks WHERE number < ? AND (ts_seconds < ?"
                    + " OR (ts_seconds = ? AND ts_nanos < ?) OR number <= ?)")) {
                p.setLong(1, newest);
                p.setLong(2, cutoff.getEpochSecond());
                p.setLong(3, cutoff.getEpochSecond());
                p.setInt(4, cutoff.getNano());
                p.setLong(5, newest - MAX_BLOCKS);
                return p.executeUpdate();
            }
        });
    }

    /** Releases the file; calls after this fail with {@code NodeSystemFault}. Idempotent. */
    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.debug("closed registry {}", file);
        }
    }

    @Override
    public String toString() {
        return "SqliteRegistry[" + file + "]";
    }

    private static Optional<Block> latest(Connection c) throws SQLException {
        return one(c, "SELECT " + BLOCK_COLUMNS + " FROM blocks ORDER BY number DESC LIMIT 1");
    }

    private static Optional<Block> one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Block(rs.getLong(1), rs.getString(2),
                        Instant.ofEpochSecond(rs.getLong(3), rs.getInt(4))));
            }
        }
    }

    private static void writeNew(Path tmp, NetworkInfo network, List<NodeEntry> nodes) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try (Connection c = config.createConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
            c.setAutoCommit(false);
            RegistrySchema.install(c);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO network (id, chain_id, epoch, threshold,"
                    + " staking_address, epoch_start_seconds, epoch_start_nanos, epoch_length_seconds)"
                    + " VALUES (1, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, network.chainId());
                p.setLong(2, network.epoch());
                p.setInt(3, network.threshold());
                p.setString(4, network.stakingAddress());
                p.setLong(5, network.epochStart().getEpochSecond());
                p.setInt(6, network.epochStart().getNano());
                p.setLong(7, network.epochLengthSeconds());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO nodes (idx, host, port, eth_address,"
                    + " identity_key) VALUES (?, ?, ?, ?, ?)")) {
                for (NodeEntry n : nodes) {
                    p.setInt(1, n.index());
                    p.setString(2, n.host());
                    p.setInt(3, n.port());
                    p.setString(4, n.ethAddress());
                    p.setString(5, n.identityKey());
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
    }

    /** Puts the finished file in place without ever replacing an existing one. */
    private static void linkIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            throw refused(file, "already exists; refusing to overwrite it");
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException again) {
                throw refused(file, "already exists; refusing to overwrite it");
            }
        }
    }

    private static void checkNodes(Path file, NetworkInfo network, List<NodeEntry> nodes) {
        if (nodes.isEmpty()) {
            throw refused(file, "cannot be created without nodes");
        }
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeEntry n = nodes.get(i);
            if (n.index() != i) {
                throw refused(file, "cannot be created: node at position " + i + " has index " + n.index()
                        + ", expected " + i);
            }
            if (!addresses.add(n.address())) {
                throw refused(file, "cannot be created: address " + n.address() + " is listed twice");
            }
        }
        if (network.threshold() > nodes.size()) {
            throw refused(file, "cannot be created: threshold " + network.threshold() + " exceeds the "
                    + nodes.size() + " nodes");
        }
    }

    private static void checkPath(Path file) {
        if (file.toString().indexOf('?') >= 0) {
            throw refused(file, "has a '?' in its path, which the SQLite JDBC URL cannot carry");
        }
    }

    private static LitNodeException refused(Path file, String problem) {
        return new LitNodeException(LitErrorCode.InvalidArgument, "registry file " + file + " " + problem);
    }

    private static void deleteQuietly(Path tmp) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
            } catch (IOException e) {
                LOG.warn("could not delete temporary file {}{}: {}", tmp, suffix, e.toString());
            }
        }
    }
}
