package io.litj.node.registry;

import io.litj.node.LitNodeException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.internal.BlockRows;
import io.litj.node.registry.internal.ConnectionPool;
import io.litj.node.registry.internal.RegistrySchema;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Registry} read from the devnet's embedded SQLite file ({@code <data>/registry.sqlite}), which the devnet
 * launcher creates and writes ({@code io.litj.devnet.registry.SqliteRegistryWriter}: blocks, PKPs, capacity credits) and the chain
 * view and every node read, also across processes on one machine. This class only reads: it never creates,
 * migrates or writes the file.
 *
 * <p>The file is in WAL mode, so readers never wait for the writer and see each committed block at their next call.
 * Each call borrows a connection from a small pool and runs as its own transaction. Instances are thread-safe;
 * whoever {@link #open}s one closes it ({@link #close()} releases the file); a node given one never closes it.
 *
 * <p>Errors are {@link LitNodeException}s whose message names the file: {@code InvalidArgument} for a file that is
 * missing or foreign on open, {@code NodeSystemFault} for SQLite or I/O failures and for use after {@code close()}.
 */
public final class SqliteRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteRegistry.class);
    private static final Pattern HASH = Pattern.compile("0[xX][0-9a-fA-F]{64}");

    private final Path file;
    private final ConnectionPool pool;

    private SqliteRegistry(Path file, ConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /**
     * Opens an existing registry file for reading.
     *
     * @throws LitNodeException {@code InvalidArgument} if the file is missing, not a SQLite database, or not a litj
     *         registry of this schema version; {@code NodeSystemFault} on I/O or SQLite failure
     */
    public static SqliteRegistry open(Path file) {
        ConnectionPool pool = ConnectionPool.openRegistry(file);
        LOG.debug("opened registry {}", file);
        return new SqliteRegistry(file, pool);
    }

    @Override
    public List<Pkp> pkps() {
        return pool.read("reading PKPs", c -> RegistrySchema.hasPkpTables(c) ? PkpTable.all(c) : List.of());
    }

    @Override
    public Optional<Pkp> pkp(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return pool.read("reading PKP", c -> RegistrySchema.hasPkpTables(c) ? PkpTable.byTokenId(c, tokenId)
                : Optional.empty());
    }

    @Override
    public Optional<EthAddress> pkpOwner(EthAddress pkpAddress) {
        Objects.requireNonNull(pkpAddress, "pkpAddress");
        return pool.read("reading PKP owner", c -> RegistrySchema.hasPkpOwners(c) ? PkpTable.ownerOf(c, pkpAddress)
                : Optional.empty());
    }

    @Override
    public List<String> pkpsPermitting(int authMethodType, String id) {
        return pool.read("reading PKP permissions", c -> RegistrySchema.hasPkpTables(c)
                ? PkpTable.tokensFor(c, authMethodType, id) : List.of());
    }

    @Override
    public Optional<CapacityCredit> capacityCredit(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        if (!CapacityCredit.isTokenId(tokenId)) {
            return Optional.empty();
        }
        return pool.read("reading a capacity credit", c -> RegistrySchema.hasCapacityTables(c)
                ? CapacityTable.byTokenId(c, tokenId) : Optional.empty());
    }

    @Override
    public List<CapacityCredit> capacityCreditsOwnedBy(EthAddress owner) {
        Objects.requireNonNull(owner, "owner");
        return pool.read("reading capacity credits", c -> RegistrySchema.hasCapacityTables(c)
                ? CapacityTable.ownedBy(c, owner) : List.of());
    }

    @Override
    public List<CapacityCredit> capacityCredits() {
        return pool.read("reading capacity credits", c -> RegistrySchema.hasCapacityTables(c)
                ? CapacityTable.all(c) : List.of());
    }

    @Override
    public Optional<String> actionCode(String cid) {
        Objects.requireNonNull(cid, "cid");
        if (cid.isEmpty() || cid.length() > IpfsCid.MAX_CID_CHARS) {
            return Optional.empty();
        }
        return pool.read("reading Lit Action code", c -> {
            if (!RegistrySchema.hasActionTables(c)) {
                return Optional.empty();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT code FROM action_code WHERE cid = ?")) {
                p.setString(1, cid);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
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
                    "SELECT " + RegistrySchema.NODE_COLUMNS + " FROM nodes ORDER BY idx")) {
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
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT " + RegistrySchema.NETWORK_COLUMNS + " FROM network")) {
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
        return pool.read("reading the latest block", c -> BlockRows.latest(c).orElseThrow(() -> new LitNodeException(
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
        return pool.read("looking up a block by hash", c -> BlockRows.byHash(c, key));
    }

    /** The block with this number, if the registry still holds it. */
    public Optional<Block> block(long number) {
        return pool.read("looking up a block by number", c -> BlockRows.byNumber(c, number));
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
}
