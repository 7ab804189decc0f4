package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's key shares, one owner-only JSON file each in {@code <data>/keys/} (written atomically by
 * {@link SecretFiles}): {@value #ROOT_FILE} for the network BLS key, {@code pkp-<tokenId>.json} per PKP. Files are
 * loaded and checked at {@link #open}; shares saved later, by this process or another, are seen without a restart
 * (a lookup that misses the cache looks for the file).
 *
 * <p>Thread-safe. Security: shares stay in this object and their files; no method prints them, and only the two
 * {@code save} methods write them.
 */
public final class KeyShareStore implements NetworkKeyShares {
    /** The folder, inside a node's data folder, that holds its shares. */
    public static final String KEYS_DIR = "keys";
    /** The network BLS key share file. */
    public static final String ROOT_FILE = "bls-root.json";
    private static final String PKP_PREFIX = "pkp-";
    private static final String SUFFIX = ".json";

    private final Path dir;
    private volatile RootKeyShare root;
    private final Map<String, PkpKeyShare> pkps = new ConcurrentHashMap<>();

    private KeyShareStore(Path dir) {
        this.dir = dir;
    }

    /**
     * The store of the node whose data folder is {@code dataDir}; loads and checks every share file there.
     *
     * @throws LitNodeException {@code NodeSystemFault} if a share file is unreadable, readable by others or
     *     inconsistent
     */
    public static KeyShareStore open(Path dataDir) {
        KeyShareStore store = new KeyShareStore(dataDir.resolve(KEYS_DIR));
        Path rootFile = store.dir.resolve(ROOT_FILE);
        if (Files.exists(rootFile)) {
            store.root = KeyShareFiles.readRoot(rootFile);
        }
        for (String tokenId : store.pkpTokenIds()) {
            store.pkps.put(tokenId, KeyShareFiles.readPkp(store.pkpFile(tokenId)));
        }
        return store;
    }

    /** The network key share, if this node has one. */
    public Optional<RootKeyShare> root() {
        RootKeyShare r = root;
        if (r == null) {
            synchronized (this) {
                Path file = dir.resolve(ROOT_FILE);
                if (root == null && Files.exists(file)) {
                    root = KeyShareFiles.readRoot(file);
                }
                r = root;
            }
        }
        return Optional.ofNullable(r);
    }

    @Override
    public Optional<BlsPublicKey> rootPublicKey() {
        return root().map(RootKeyShare::publicKey);
    }

    @Override
    public Optional<BlsSecretKeyShare> rootShare() {
        return root().map(RootKeyShare::share);
    }

    @Override
    public Optional<PkpKeyShare> pkpShare(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        String id = tokenId.toLowerCase(Locale.ROOT);
        if (!id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        PkpKeyShare cached = pkps.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = pkpFile(id);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(pkps.computeIfAbsent(id, k -> KeyShareFiles.readPkp(file)));
    }

    /** Token ids of the PKPs this node holds a share of, sorted. */
    public List<String> pkpTokenIds() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PKP_PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(PKP_PREFIX.length(), name.length() - SUFFIX.length());
                if (id.matches("[0-9a-f]{64}")) {
                    out.add(id);
                }
            }
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot list " + dir + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    /**
     * Persists the network key share (atomically, owner-only) and makes it current.
     *
     * @throws LitNodeException {@code InvalidArgument} if this node already holds a network key share of that or a
     *     later epoch; {@code NodeSystemFault} if the file cannot be written
     */
    public synchronized void saveRoot(RootKeyShare share) {
        Objects.requireNonNull(share, "share");
        Optional<RootKeyShare> current = root();
        if (current.isPresent() && current.get().epoch() >= share.epoch()) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "this node already holds the network key share "
                    + "of epoch " + current.get().epoch() + " (" + current.get().publicKey().toHex() + ")");
        }
        SecretFiles.write(dir.resolve(ROOT_FILE), KeyShareFiles.rootJson(share));
        root = share;
    }

    /**
     * Persists a PKP key share (atomically, owner-only).
     *
     * @throws LitNodeException {@code InvalidArgument} if a share of that PKP is already stored;
     *     {@code NodeSystemFault} if the file cannot be written
     */
    public synchronized void savePkp(PkpKeyShare share) {
        Objects.requireNonNull(share, "share");
        if (pkpShare(share.tokenId()).isPresent()) {
            throw new LitNodeException(LitErrorCode.InvalidArgument,
                    "this node already holds a share of PKP " + share.tokenId());
        }
        SecretFiles.write(pkpFile(share.tokenId()), KeyShareFiles.pkpJson(share));
        pkps.put(share.tokenId(), share);
    }

    private Path pkpFile(String tokenId) {
        return dir.resolve(PKP_PREFIX + tokenId + SUFFIX);
    }

    @Override
    public String toString() {
        RootKeyShare r = root;
        return "KeyShareStore[" + dir + " root=" + (r == null ? "none" : r.publicKey().toHex()) + " pkps="
                + pkps.size() + "]";
    }
}
