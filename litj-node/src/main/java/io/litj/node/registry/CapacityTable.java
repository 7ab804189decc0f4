package io.litj.node.registry;

import io.litj.node.registry.internal.RegistrySchema;
import io.litj.protocol.crypto.EthAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the registry's capacity-credit table (the devnet's writer fills it). */
final class CapacityTable {
    private static final String SELECT = "SELECT " + RegistrySchema.CAPACITY_COLUMNS + " FROM capacity_credits";

    private CapacityTable() {
    }

    static Optional<CapacityCredit> byTokenId(Connection c, String tokenId) throws SQLException {
        List<CapacityCredit> found = query(c, SELECT + " WHERE token_id = ?", tokenId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    static List<CapacityCredit> ownedBy(Connection c, EthAddress owner) throws SQLException {
        return query(c, SELECT + " WHERE owner = ? ORDER BY created_seq", RegistrySchema.ownerText(owner));
    }

    static List<CapacityCredit> all(Connection c) throws SQLException {
        return query(c, SELECT + " ORDER BY created_seq", null);
    }

    private static List<CapacityCredit> query(Connection c, String sql, String parameter) throws SQLException {
        List<CapacityCredit> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (parameter != null) {
                p.setString(1, parameter);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new CapacityCredit(rs.getString(1), EthAddress.parse(rs.getString(2), "credit owner"),
                            rs.getLong(3), Instant.ofEpochSecond(rs.getLong(4))));
                }
            }
        }
        return out;
    }
}
