package io.litj.node.registry;

import io.litj.node.registry.internal.RegistrySchema;
import io.litj.protocol.crypto.EthAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the registry's PKP tables: keys and their permitted auth methods (the devnet's writer fills them). */
final class PkpTable {
    private PkpTable() {
    }

    static List<Pkp> all(Connection c) throws SQLException {
        List<Pkp> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + RegistrySchema.PKP_COLUMNS + " FROM pkps ORDER BY created_seq")) {
            while (rs.next()) {
                out.add(new Pkp(rs.getString(1), rs.getString(2), rs.getString(3), permissions(c, rs.getString(1))));
            }
        }
        return out;
    }

    static Optional<Pkp> byTokenId(Connection c, String tokenId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT " + RegistrySchema.PKP_COLUMNS + " FROM pkps WHERE token_id = ?")) {
            p.setString(1, tokenId.toLowerCase(Locale.ROOT));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Pkp(rs.getString(1), rs.getString(2), rs.getString(3),
                        permissions(c, rs.getString(1)))) : Optional.empty();
            }
        }
    }

    /** The recorded owner of the PKP whose address is {@code pkpAddress}, if any. */
    static Optional<EthAddress> ownerOf(Connection c, EthAddress pkpAddress) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT o.owner FROM pkps k JOIN pkp_owners o"
                + " ON o.token_id = k.token_id WHERE lower(k.eth_address) = ?")) {
            p.setString(1, pkpAddress.toLowerHex());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(EthAddress.parse(rs.getString(1), "PKP owner")) : Optional.empty();
            }
        }
    }

    /** Token ids that permit this auth method, oldest first. */
    static List<String> tokensFor(Connection c, int authMethodType, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT pp.token_id FROM pkp_permissions pp JOIN pkps k"
                + " ON k.token_id = pp.token_id WHERE pp.auth_method_type = ? AND pp.id = ? ORDER BY k.created_seq")) {
            p.setInt(1, authMethodType);
            p.setString(2, RegistrySchema.permissionId(authMethodType, id));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<PkpPermission> permissions(Connection c, String tokenId) throws SQLException {
        List<PkpPermission> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + RegistrySchema.PERMISSION_COLUMNS
                + " FROM pkp_permissions WHERE token_id = ? ORDER BY auth_method_type, id")) {
            p.setString(1, tokenId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new PkpPermission(rs.getInt(1), rs.getString(2), RegistrySchema.scopesOf(rs.getString(3))));
                }
            }
        }
        return out;
    }
}
