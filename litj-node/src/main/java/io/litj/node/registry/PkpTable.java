package io.litj.node.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The registry's PKP tables: keys and their permitted auth methods. */
final class PkpTable {
    static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS pkps (token_id TEXT PRIMARY KEY, public_key TEXT NOT NULL UNIQUE,"
                    + " eth_address TEXT NOT NULL, created_seq INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS pkp_permissions (token_id TEXT NOT NULL REFERENCES pkps(token_id),"
                    + " auth_method_type INTEGER NOT NULL, id TEXT NOT NULL, scopes TEXT NOT NULL,"
                    + " PRIMARY KEY (token_id, auth_method_type, id))");

    private PkpTable() {
    }

    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }

    static void insert(Connection c, Pkp pkp) throws SQLException {
        long seq;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COALESCE(MAX(created_seq), 0) + 1 FROM pkps")) {
            seq = rs.next() ? rs.getLong(1) : 1;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO pkps (token_id, public_key, eth_address, created_seq) VALUES (?, ?, ?, ?)")) {
            p.setString(1, pkp.tokenId());
            p.setString(2, pkp.publicKey());
            p.setString(3, pkp.ethAddress());
            p.setLong(4, seq);
            p.executeUpdate();
        }
        for (PkpPermission perm : pkp.permissions()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO pkp_permissions (token_id, auth_method_type,"
                    + " id, scopes) VALUES (?, ?, ?, ?)")) {
                p.setString(1, pkp.tokenId());
                p.setInt(2, perm.authMethodType());
                p.setString(3, normalizeId(perm.authMethodType(), perm.id()));
                p.setString(4, String.join(",", perm.scopes().stream().sorted().map(String::valueOf).toList()));
                p.executeUpdate();
            }
        }
    }

    static List<Pkp> all(Connection c) throws SQLException {
        List<Pkp> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT token_id, public_key, eth_address FROM pkps ORDER BY created_seq")) {
            while (rs.next()) {
                out.add(new Pkp(rs.getString(1), rs.getString(2), rs.getString(3), permissions(c, rs.getString(1))));
            }
        }
        return out;
    }

    static Optional<Pkp> byTokenId(Connection c, String tokenId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT token_id, public_key, eth_address FROM pkps WHERE token_id = ?")) {
            p.setString(1, tokenId.toLowerCase(Locale.ROOT));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Pkp(rs.getString(1), rs.getString(2), rs.getString(3),
                        permissions(c, rs.getString(1)))) : Optional.empty();
            }
        }
    }

    /** Token ids that permit this auth method, oldest first. */
    static List<String> tokensFor(Connection c, int authMethodType, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT pp.token_id FROM pkp_permissions pp JOIN pkps k"
                + " ON k.token_id = pp.token_id WHERE pp.auth_method_type = ? AND pp.id = ? ORDER BY k.created_seq")) {
            p.setInt(1, authMethodType);
            p.setString(2, normalizeId(authMethodType, id));
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
        try (PreparedStatement p = c.prepareStatement("SELECT auth_method_type, id, scopes FROM pkp_permissions"
                + " WHERE token_id = ? ORDER BY auth_method_type, id")) {
            p.setString(1, tokenId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Set<Integer> scopes = new HashSet<>();
                    for (String s : rs.getString(3).split(",")) {
                        if (!s.isEmpty()) {
                            scopes.add(Integer.parseInt(s));
                        }
                    }
                    out.add(new PkpPermission(rs.getInt(1), rs.getString(2), scopes));
                }
            }
        }
        return out;
    }

    /** Wallet addresses compare without case; CIDs are case-sensitive. */
    static String normalizeId(int authMethodType, String id) {
        return authMethodType == PkpPermission.ETH_WALLET ? id.toLowerCase(Locale.ROOT) : id;
    }
}
