package io.litj.node.revoke;

import io.litj.node.LitNodeException;
import io.litj.node.SqliteFiles;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.PkpOwners;
import io.litj.protocol.auth.RevocationList;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.auth.SignedRevocation;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations this node knows ({@code docs/revocation.md}), durable in {@code <dataDir>/}{@value #FILE_NAME}
 * (SQLite, WAL) and mirrored in memory for the validator ({@link RevocationList}). Each is kept as received — the
 * {@link SignedRevocation} that proves itself — until its grant expires, then dropped (at open, and on every
 * {@link #add}). At open every stored revocation is verified again, so a file edited by hand adds nothing.
 *
 * <p>Bounded: at most {@value #MAX_TOTAL} revocations and {@value #MAX_PER_GRANTER} per granter
 * ({@code NodeConcurrencyOverload} beyond). A revocation already known (same grant, same key scope) changes
 * nothing. Thread-safe: one connection under this object's lock; lookups read a concurrent map of
 * immutable lists.
 */
public final class RevocationBook implements RevocationList, AutoCloseable {
    /** The book's file name in the node's data folder. */
    public static final String FILE_NAME = "revocations.sqlite";
    /** Most revocations kept at once. */
    public static final int MAX_TOTAL = 65_536;
    /** Most revocations kept for one granter. */
    public static final int MAX_PER_GRANTER = 1_024;

    /** One stored revocation: its row id (the order it arrived in), what it says and its proof. */
    public record Entry(long id, SessionRevocation revocation, SignedRevocation proof) {
    }

    private final Path file;
    private final Connection connection;
    private final PkpOwners owners;
    private final Map<Bytes, List<Entry>> byGrant = new ConcurrentHashMap<>();
    private final Map<EthAddress, Integer> perGranter = new HashMap<>();
    private int total;

    private RevocationBook(Path file, Connection connection, PkpOwners owners) {
        this.file = file;
        this.connection = connection;
        this.owners = owners;
    }

    /**
     * Opens (or creates) the book in {@code dataDir}, dropping revocations whose grant expired before {@code now}; no
     * registry, so a revocation signed by a PKP's owner is refused.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the file cannot be opened
     */
    public static RevocationBook open(Path dataDir, Instant now) {
        return open(dataDir, now, PkpOwners.NONE);
    }

    /**
     * As {@link #open(Path, Instant)}, reading PKP owners from {@code owners} (the node's registry) for revocations a
     * PKP's owner signed. At open such a revocation whose owner cannot be read now (the registry does not answer)
     * is kept on the strength of its check when it arrived; one whose PKP has another owner now is not.
     */
    public static RevocationBook open(Path dataDir, Instant now, PkpOwners owners) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Connection c = SqliteFiles.openWal(file, "CREATE TABLE IF NOT EXISTS revocations (id INTEGER PRIMARY KEY"
                    + " AUTOINCREMENT, grant_digest TEXT NOT NULL, session_key TEXT NOT NULL, expires_at INTEGER NOT"
                    + " NULL, grant_text TEXT NOT NULL, revocation TEXT NOT NULL, sig TEXT NOT NULL,"
                    + " UNIQUE (grant_digest, session_key))");
            RevocationBook book = new RevocationBook(file, c, owners);
            synchronized (book) {
                book.prune(now);
                book.load(now);
            }
            return book;
        } catch (SQLException | IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot open the revocation book " + file + ": "
                    + e.getMessage());
        }
    }

    @Override
    public Optional<SessionRevocation> find(Bytes grantDigest, String sessionKeyHex, Instant now) {
        List<Entry> entries = byGrant.get(grantDigest);
        if (entries == null) {
            return Optional.empty();
        }
        return entries.stream().map(Entry::revocation).filter(r -> r.covers(sessionKeyHex)
                && now.isBefore(r.grantExpiration())).findFirst();
    }

    /**
     * Verifies {@code proof} at {@code now} and keeps it.
     *
     * @return the revocation, and whether it was new here
     * @throws LitNodeException the verification's code ({@code NodeRevocationInvalid},
     *     {@code NodeRevocationNotGranter}); {@code NodeConcurrencyOverload} when the book is full (for everyone or
     *     for this granter); {@code NodeSystemFault} if it cannot be written
     */
    public Added add(SignedRevocation proof, Instant now) {
        SessionRevocation r;
        try {
            r = proof.verify(now, owners);
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), e.getMessage());
        }
        synchronized (this) {
            if (known(r)) {
                return new Added(r, false);
            }
            try {
                prune(now);
                if (total >= MAX_TOTAL || perGranter.getOrDefault(r.granter(), 0) >= MAX_PER_GRANTER) {
                    throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "this node keeps at most "
                            + MAX_TOTAL + " revocations, " + MAX_PER_GRANTER + " per granter, until their grants "
                            + "expire; " + r.granter() + " has " + perGranter.getOrDefault(r.granter(), 0));
                }
                long id = insert(r, proof);
                remember(new Entry(id, r, proof));
                return new Added(r, true);
            } catch (SQLException e) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "revocation book " + file + ": "
                        + e.getMessage());
            }
        }
    }

    /** What {@link #add} did. */
    public record Added(SessionRevocation revocation, boolean isNew) {
    }

    /** Up to {@code limit} revocations with an id above {@code after}, oldest first (what peers pull). */
    public List<Entry> page(long after, int limit) {
        List<Entry> out = new ArrayList<>();
        byGrant.values().forEach(list -> list.stream().filter(e -> e.id() > after).forEach(out::add));
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    /** How many revocations are kept now. */
    public synchronized int size() {
        return total;
    }

    private boolean known(SessionRevocation r) {
        return byGrant.getOrDefault(r.grantDigest(), List.of()).stream()
                .anyMatch(e -> e.revocation().sessionKey().equals(r.sessionKey()));
    }

    private long insert(SessionRevocation r, SignedRevocation proof) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO revocations (grant_digest, session_key,"
                + " expires_at, grant_text, revocation, sig) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, r.grantDigest().hex());
            p.setString(2, r.sessionKey().orElse(SessionRevocation.ALL_KEYS));
            p.setLong(3, r.grantExpiration().getEpochSecond() + 1);
            p.setString(4, proof.grant());
            p.setString(5, proof.revocation());
            p.setString(6, proof.sig());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void load(Instant now) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, grant_text, revocation, sig FROM revocations ORDER BY id")) {
            while (rs.next()) {
                SignedRevocation proof = new SignedRevocation(rs.getString(2), rs.getString(3), rs.getString(4));
                try {
                    remember(new Entry(rs.getLong(1), verifyStored(proof, now), proof));
                } catch (LitProtocolException e) {
                    // not kept: it no longer verifies (expired meanwhile, or the file was altered)
                }
            }
        }
    }

    /** {@link SignedRevocation#verify}; when the registry cannot say who owns the PKP now, the owner it names. */
    private SessionRevocation verifyStored(SignedRevocation proof, Instant now) {
        try {
            return proof.verify(now, owners);
        } catch (LitProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            SessionRevocation claimed = SessionRevocation.parse(proof.revocation());
            return proof.verify(now, pkp -> claimed.signedBy());
        }
    }

    private void remember(Entry e) {
        List<Entry> list = new ArrayList<>(byGrant.getOrDefault(e.revocation().grantDigest(), List.of()));
        list.add(e);
        byGrant.put(e.revocation().grantDigest(), List.copyOf(list));
        perGranter.merge(e.revocation().granter(), 1, Integer::sum);
        total++;
    }

    /** Drops revocations whose grant expired before {@code now}, on disk and in memory. */
    private void prune(Instant now) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM revocations WHERE expires_at <= ?")) {
            p.setLong(1, now.getEpochSecond());
            if (p.executeUpdate() == 0) {
                return;
            }
        }
        perGranter.clear();
        total = 0;
        for (Bytes digest : List.copyOf(byGrant.keySet())) {
            List<Entry> alive = byGrant.get(digest).stream()
                    .filter(e -> now.isBefore(e.revocation().grantExpiration())).toList();
            if (alive.isEmpty()) {
                byGrant.remove(digest);
            } else {
                byGrant.put(digest, alive);
                alive.forEach(e -> perGranter.merge(e.revocation().granter(), 1, Integer::sum));
                total += alive.size();
            }
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
