package io.litj.devnet.registry;

import io.litj.node.LitNodeException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.Block;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.SqliteRegistry;
import io.litj.node.registry.internal.BlockRows;
import io.litj.node.registry.internal.ConnectionPool;
import io.litj.node.registry.internal.RegistrySchema;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a devnet makes to its SQLite registry ({@code <data>/registry.sqlite}): creating the file with the
 * network facts and the node list, appending blocks (the block producer), pruning old ones, recording minted
 * PKPs ({@code litj pkp mint}, {@code Devnet.mintPkp}), minting capacity credits ({@code litj capacity mint},
 * {@code Devnet.mintCapacityCredit}) and storing Lit Action code ({@code litj action put},
 * {@code Devnet.putActionCode}). Nodes and the chain view read the same file through
 * {@link SqliteRegistry}; the layout both sides use has one home, {@link RegistrySchema}.
 *
 * <p>Every write is one {@code BEGIN IMMEDIATE} transaction on a pooled connection ({@code synchronous=FULL}, busy
 * timeout), so several processes may write one file: a block out of sequence is refused rather than written twice.
 * Thread-safe; whoever creates or opens a writer closes it.
 *
 * <p>Errors are {@link LitNodeException}s whose message names the file: {@code InvalidArgument} for refused input
 * (a file that exists on create, is missing or foreign on open, a block out of sequence), {@code NodeSystemFault} for
 * SQLite or I/O failures and for use after {@code close()}.
 */
public final class SqliteRegistryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteRegistryWriter.class);
    /** Most blocks kept regardless of age: a little over 30 days at one block every 2 s. */
    public static final long MAX_BLOCKS = 1_500_000;

    private final Path file;
    private final ConnectionPool pool;

    private SqliteRegistryWriter(Path file, ConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /**
     * Creates a new registry file with these network facts and nodes and no blocks, then opens it for writing. The
     * file is built under a temporary name next to it and linked into place only when complete, so no reader ever
     * sees a half-written registry. Missing parent folders are created.
     *
     * @throws LitNodeException {@code InvalidArgument} if {@code file} exists or the nodes are not indexed
     *         {@code 0..n-1} with distinct addresses and at least {@code threshold} of them; {@code NodeSystemFault}
     *         on I/O or SQLite failure
     */
    public static SqliteRegistryWriter create(Path file, NetworkInfo network, List<NodeEntry> nodes) {
        RegistryFileCreator.create(file, network, nodes);
        return open(file);
    }

    /**
     * Opens an existing registry file for writing.
     *
     * @throws LitNodeException {@code InvalidArgument} if the file is missing, not a SQLite database, or not a litj
     *         registry of this schema version; {@code NodeSystemFault} on I/O or SQLite failure
     */
    public static SqliteRegistryWriter open(Path file) {
        return new SqliteRegistryWriter(file, ConnectionPool.openRegistry(file));
    }

    /** The registry file. */
    public Path file() {
        return file;
    }

    /**
     * The newest block, if any (read on the writer's own connections, so it sees its own writes at once).
     *
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure
     */
    public Optional<Block> latestBlock() {
        return pool.read("reading the latest block", BlockRows::latest);
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
            long expected = BlockRows.latest(c).map(b -> b.number() + 1).orElse(0L);
            if (block.number() != expected) {
                throw RegistrySchema.refused(file, "expected block number " + expected + " but got "
                        + block.number());
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO blocks (" + RegistrySchema.BLOCK_COLUMNS
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
            Optional<Block> latest = BlockRows.latest(c);
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

    /**
     * Records a new PKP and its permissions (written by the process that minted it).
     *
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure (a duplicate token id included)
     */
    public void addPkp(Pkp pkp) {
        Objects.requireNonNull(pkp, "pkp");
        pool.write("adding PKP " + pkp.tokenId(), c -> {
            RegistrySchema.installPkpTables(c);
            insert(c, pkp);
            return null;
        });
    }

    /**
     * Records {@code owner} as the owner of the PKP {@code tokenId} (the embedded registry's stand-in for the PKPNFT
     * holder; read by nodes when an owner revokes a PKP grant). A later call replaces the owner.
     *
     * @throws LitNodeException {@code NodeSystemFault} on SQLite failure (a token id not listed included)
     */
    public void setPkpOwner(String tokenId, EthAddress owner) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(owner, "owner");
        pool.write("recording the owner of PKP " + tokenId, c -> {
            RegistrySchema.installPkpTables(c);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO pkp_owners (token_id, owner)"
                    + " SELECT token_id, ? FROM pkps WHERE token_id = ?"
                    + " ON CONFLICT (token_id) DO UPDATE SET owner = excluded.owner")) {
                p.setString(1, owner.toChecksumString());
                p.setString(2, tokenId);
                if (p.executeUpdate() != 1) {
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "no PKP with token id " + tokenId
                            + " in " + file);
                }
            }
            return null;
        });
    }

    /**
     * Adds {@code permission} to the PKP {@code tokenId}: a new auth method is inserted; for one the PKP permits
     * already, the scopes become the union of both (as {@code PKPPermissions.addPermittedAuthMethod} adds scopes).
     *
     * @return the permission as now recorded
     * @throws LitNodeException {@code NodePKPTokenIdNotFound} if there is no such PKP; {@code NodeSystemFault} on
     *     SQLite failure
     */
    public PkpPermission permit(String tokenId, PkpPermission permission) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(permission, "permission");
        String id = RegistrySchema.permissionId(permission.authMethodType(), permission.id());
        return pool.write("permitting on PKP " + tokenId, c -> {
            RegistrySchema.installPkpTables(c);
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pkps WHERE token_id = ?")) {
                p.setString(1, tokenId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new LitNodeException(LitErrorCode.NodePKPTokenIdNotFound, "no PKP with token id "
                                + tokenId + " in " + file);
                    }
                }
            }
            Set<Integer> scopes = new TreeSet<>(permission.scopes());
            try (PreparedStatement p = c.prepareStatement("SELECT scopes FROM pkp_permissions WHERE token_id = ?"
                    + " AND auth_method_type = ? AND id = ?")) {
                p.setString(1, tokenId);
                p.setInt(2, permission.authMethodType());
                p.setString(3, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        scopes.addAll(RegistrySchema.scopesOf(rs.getString(1)));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO pkp_permissions (token_id, "
                    + RegistrySchema.PERMISSION_COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                p.setString(1, tokenId);
                p.setInt(2, permission.authMethodType());
                p.setString(3, id);
                p.setString(4, RegistrySchema.scopesText(scopes));
                p.executeUpdate();
            }
            return new PkpPermission(permission.authMethodType(), id, scopes);
        });
    }

    /**
     * Mints a capacity credit: the next token id (1, 2, 3 … as Datil's {@code RateLimitNFT} counts), held by
     * {@code owner}, paying {@code requestsPerKilosecond} until {@code expiresAt} (whole seconds).
     *
     * @return the credit as recorded
     * @throws LitNodeException {@code InvalidArgument} for fewer than 1 request per kilosecond;
     *     {@code NodeSystemFault} on SQLite failure
     */
    public CapacityCredit mintCapacityCredit(EthAddress owner, long requestsPerKilosecond, Instant expiresAt) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (requestsPerKilosecond < 1) {
            throw RegistrySchema.refused(file, "cannot record a capacity credit of " + requestsPerKilosecond
                    + " requests per kilosecond (at least 1)");
        }
        return pool.write("minting a capacity credit", c -> {
            RegistrySchema.installCapacityTables(c);
            long seq;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COALESCE(MAX(created_seq), 0) + 1 FROM capacity_credits")) {
                seq = rs.next() ? rs.getLong(1) : 1;
            }
            CapacityCredit credit = new CapacityCredit(Long.toString(seq), owner, requestsPerKilosecond,
                    Instant.ofEpochSecond(expiresAt.getEpochSecond()));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO capacity_credits ("
                    + RegistrySchema.CAPACITY_COLUMNS + ", created_seq) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, credit.tokenId());
                p.setString(2, RegistrySchema.ownerText(owner));
                p.setLong(3, requestsPerKilosecond);
                p.setLong(4, credit.expiresAt().getEpochSecond());
                p.setLong(5, seq);
                p.executeUpdate();
            }
            return credit;
        });
    }

    /**
     * Stores Lit Action source under its IPFS CIDv0 (of its UTF-8 bytes, as the JS SDK and the nodes compute it), for
     * {@code executeJs({ipfsId})} on every node. Storing the same code again changes nothing.
     *
     * @return the CID
     * @throws LitNodeException {@code InvalidArgument} for code longer than {@code maxBytes} UTF-8 bytes;
     *     {@code NodeSystemFault} on SQLite failure
     */
    public String putActionCode(String code, int maxBytes) {
        Objects.requireNonNull(code, "code");
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw RegistrySchema.refused(file, "cannot store Lit Action code of " + bytes.length
                    + " bytes (at most " + maxBytes + ")");
        }
        String cid = IpfsCid.v0(bytes);
        pool.write("storing Lit Action " + cid, c -> {
            RegistrySchema.installActionTables(c);
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO action_code (cid, code)"
                    + " VALUES (?, ?)")) {
                p.setString(1, cid);
                p.setString(2, code);
                p.executeUpdate();
            }
            return null;
        });
        return cid;
    }

    private static void insert(Connection c, Pkp pkp) throws SQLException {
        long seq;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COALESCE(MAX(created_seq), 0) + 1 FROM pkps")) {
            seq = rs.next() ? rs.getLong(1) : 1;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO pkps (" + RegistrySchema.PKP_COLUMNS
                + ", created_seq) VALUES (?, ?, ?, ?)")) {
            p.setString(1, pkp.tokenId());
            p.setString(2, pkp.publicKey());
            p.setString(3, pkp.ethAddress());
            p.setLong(4, seq);
            p.executeUpdate();
        }
        for (PkpPermission perm : pkp.permissions()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO pkp_permissions (token_id, "
                    + RegistrySchema.PERMISSION_COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                p.setString(1, pkp.tokenId());
                p.setInt(2, perm.authMethodType());
                p.setString(3, RegistrySchema.permissionId(perm.authMethodType(), perm.id()));
                p.setString(4, RegistrySchema.scopesText(perm.scopes()));
                p.executeUpdate();
            }
        }
    }

    /** Releases the file; calls after this fail with {@code NodeSystemFault}. Idempotent. */
    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.debug("closed registry writer {}", file);
        }
    }

    @Override
    public String toString() {
        return "SqliteRegistryWriter[" + file + "]";
    }
}
