package io.litj.devnet.registry;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.internal.ConnectionPool;
import io.litj.node.registry.internal.RegistrySchema;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Creates a new registry file: the schema ({@link RegistrySchema#install}), the network row and the node list, in
 * WAL mode. The file is built under a temporary name next to it and linked into place only when complete, so no
 * reader ever sees a half-written registry, and an existing file is never replaced.
 */
final class RegistryFileCreator {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryFileCreator.class);

    private RegistryFileCreator() {
    }

    /** See {@link SqliteRegistryWriter#create}. */
    static void create(Path file, NetworkInfo network, List<NodeEntry> nodes) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(network, "network");
        List<NodeEntry> list = List.copyOf(nodes);
        checkNodes(file, network, list);
        RegistrySchema.checkPath(file);
        if (Files.exists(file)) {
            throw RegistrySchema.refused(file, "already exists; refusing to overwrite it");
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
    }

    private static void writeNew(Path tmp, NetworkInfo network, List<NodeEntry> nodes) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) ConnectionPool.BUSY_TIMEOUT.toMillis());
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try (Connection c = config.createConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
            c.setAutoCommit(false);
            RegistrySchema.install(c);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO network (id, " + RegistrySchema.NETWORK_COLUMNS
                    + ") VALUES (1, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, network.chainId());
                p.setLong(2, network.epoch());
                p.setInt(3, network.threshold());
                p.setString(4, network.stakingAddress());
                p.setLong(5, network.epochStart().getEpochSecond());
                p.setInt(6, network.epochStart().getNano());
                p.setLong(7, network.epochLengthSeconds());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO nodes (" + RegistrySchema.NODE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)")) {
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
            throw RegistrySchema.refused(file, "already exists; refusing to overwrite it");
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException again) {
                throw RegistrySchema.refused(file, "already exists; refusing to overwrite it");
            }
        }
    }

    private static void checkNodes(Path file, NetworkInfo network, List<NodeEntry> nodes) {
        if (nodes.isEmpty()) {
            throw RegistrySchema.refused(file, "cannot be created without nodes");
        }
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeEntry n = nodes.get(i);
            if (n.index() != i) {
                throw RegistrySchema.refused(file, "cannot be created: node at position " + i + " has index "
                        + n.index() + ", expected " + i);
            }
            if (!addresses.add(n.address())) {
                throw RegistrySchema.refused(file, "cannot be created: address " + n.address() + " is listed twice");
            }
        }
        if (network.threshold() > nodes.size()) {
            throw RegistrySchema.refused(file, "cannot be created: threshold " + network.threshold()
                    + " exceeds the " + nodes.size() + " nodes");
        }
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
