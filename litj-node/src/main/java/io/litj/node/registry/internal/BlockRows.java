package io.litj.node.registry.internal;

import io.litj.node.registry.Block;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.time.Instant;

/**
 * Finds rows of the registry's {@code blocks} table, for the node's reader and for the devnet's writer (which reads
 * the latest block inside its write transaction to keep the sequence). Stateless.
 */
public final class BlockRows {
    private BlockRows() {
    }

    /** The block with the highest number. */
    public static Optional<Block> latest(Connection c) throws SQLException {
        return one(c, "SELECT " + RegistrySchema.BLOCK_COLUMNS + " FROM blocks ORDER BY number DESC LIMIT 1");
    }

    /** The block with this number. */
    public static Optional<Block> byNumber(Connection c, long number) throws SQLException {
        return one(c, "SELECT " + RegistrySchema.BLOCK_COLUMNS + " FROM blocks WHERE number = ?", number);
    }

    /** The block with this hash, as stored ({@code 0x} + 64 lowercase hex). */
    public static Optional<Block> byHash(Connection c, String hash) throws SQLException {
        return one(c, "SELECT " + RegistrySchema.BLOCK_COLUMNS + " FROM blocks WHERE hash = ?", hash);
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
}
