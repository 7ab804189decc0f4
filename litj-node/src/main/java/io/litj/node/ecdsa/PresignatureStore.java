package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.node.keys.SecretFiles;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ecdsa.Participants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This node's presignatures, per PKP and signing set, on disk under {@code <data>/presign/<tokenId>/<set>/}
 * ({@code <set>} = the share indexes joined by {@code -}): {@code <id>.secret} holds one unused presignature
 * (owner-only, written atomically and synced), and the set's {@link BindJournal} ({@code bound.journal}) records
 * the one digest each used presignature was bound to.
 *
 * <p>Use at most once, also across restarts: {@link #bind} appends the bound record and syncs it (one
 * {@code fdatasync}) <em>before</em> it hands the presignature out, and then deletes the secret; a presignature with
 * a bound record is never offered again (a secret left beside one by a crash is deleted when its folder is read, as
 * is the secret named by a torn last journal line); binding it to another digest is refused. Bound records of the
 * earlier one-file-per-record layout ({@code <id>.bound}) are honoured the same way. Bounded: at most
 * {@code maxPerSet} unused presignatures per (PKP, set) (a new one replaces the lowest unreserved one) and
 * {@code maxTotal} in all. Presignatures added since the store opened are also kept in memory (at most as many as
 * the bounds allow), so that a bind hands them out without reading and checking the file again; after a restart
 * they are read from their files. Thread-safe.
 */
public final class PresignatureStore implements AutoCloseable {
    /** Folder under the node's data folder. */
    public static final String DIR = "presign";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final EcdsaScheme scheme;
    private final int maxPerSet;
    private final int maxTotal;
    private final Map<Path, TreeSet<String>> unused = new HashMap<>();
    private final Map<Path, BindJournal> journals = new HashMap<>();
    /** Presignatures added since this store opened, by file path: bind hands them out without reading the file. */
    private final Map<Path, Presignature> ready = new HashMap<>();
    private final Set<String> reserved = new HashSet<>();
    private int total;
    /** Presignature files being written outside the lock; {@link #close()} waits for them. */
    private int writing;
    private boolean closed;

    /**
     * @param dataDir the node's data folder
     * @param maxPerSet most unused presignatures per (PKP, set), 1..1024
     * @param maxTotal most unused presignatures in all, at least {@code maxPerSet}
     */
    public PresignatureStore(Path dataDir, EcdsaScheme scheme, int maxPerSet, int maxTotal) {
        if (maxPerSet < 1 || maxPerSet > 1024 || maxTotal < maxPerSet) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "presignature bounds must be 1..1024 per set "
                    + "and at least that in all, not " + maxPerSet + " and " + maxTotal);
        }
        this.root = dataDir.resolve(DIR);
        this.scheme = scheme;
        this.maxPerSet = maxPerSet;
        this.maxTotal = maxTotal;
    }

    /** The folder of {@code (tokenId, set)}. */
    Path folder(String tokenId, Participants set) {
        if (!TOKEN.matcher(tokenId).matches()) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "token id must be 64 lowercase hex");
        }
        return root.resolve(tokenId).resolve(setName(set));
    }

    /** {@code 1-2-3}. */
    static String setName(Participants set) {
        return String.join("-", set.indices().stream().map(String::valueOf).toList());
    }

    /**
     * Keeps a new presignature. When {@code (tokenId, set)} holds its most, the lowest unreserved one is deleted
     * first: it was offered in the last agreement and not taken, so another member of the set lacks it (its run
     * failed there) and it would otherwise hold a place for ever. Deleting an unused presignature is always safe.
     *
     * @return false (nothing written) if the node holds its most in all, all of the set's are reserved, or
     *     {@code id} was bound before
     * @throws LitNodeException {@code NodeSystemFault} if it cannot be written
     */
    public boolean add(String tokenId, Participants set, String id, Presignature presignature) {
        checkId(id);
        Path dir = folder(tokenId, set);
        synchronized (this) {
            if (closed || !admits(dir, id, false)) {
                return false;
            }
            writing++;
        }
        // written (two fsyncs) outside the lock, so that binds on the signing path do not wait for it
        Path file = dir.resolve(id + ".secret");
        try {
            DurableFiles.write(file, presignature.exportSecretJson());
            synchronized (this) { // a close waiting meanwhile (it released the lock) lets this finish first
                if (closed || !admits(dir, id, true)) {
                    DurableFiles.delete(file);
                    return false;
                }
                ready.put(file, presignature);
                if (load(dir).add(id)) {
                    total++;
                }
            }
            return true;
        } finally {
            synchronized (this) {
                writing--;
                notifyAll();
            }
        }
    }

    /**
     * Whether {@code id} may join {@code dir}'s unused presignatures: not bound, room in the set (with {@code evict},
     * the lowest unreserved one is deleted to make it) and in the node.
     */
    private boolean admits(Path dir, String id, boolean evict) {
        TreeSet<String> ids = load(dir);
        if (isBound(dir, id)) {
            return false;
        }
        if (ids.contains(id)) {
            return true;
        }
        if (ids.size() < maxPerSet) {
            return total < maxTotal;
        }
        Optional<String> orphan = ids.stream().filter(i -> !reserved.contains(dir.resolve(i).toString()))
                .findFirst();
        if (orphan.isPresent() && evict) {
            DurableFiles.delete(dir.resolve(orphan.get() + ".secret"));
            ready.remove(dir.resolve(orphan.get() + ".secret"));
            ids.remove(orphan.get());
            total--;
        }
        return orphan.isPresent();
    }

    /** Up to {@code max} unused, unreserved presignature ids of {@code (tokenId, set)}, lowest first, now reserved. */
    public synchronized List<String> reserve(String tokenId, Participants set, int max) {
        Path dir = folder(tokenId, set);
        List<String> out = new ArrayList<>();
        for (String id : load(dir)) {
            if (out.size() >= max) {
                break;
            }
            if (reserved.add(dir.resolve(id).toString())) {
                out.add(id);
            }
        }
        return out;
    }

    /** Releases reservations made by {@link #reserve}. */
    public synchronized void release(String tokenId, Participants set, Collection<String> ids) {
        Path dir = folder(tokenId, set);
        ids.forEach(id -> reserved.remove(dir.resolve(id).toString()));
    }

    /**
     * Binds presignature {@code id} to {@code digest} for good — the bound record is on disk before this returns —
     * and returns it for signing that digest. Binding again to the same digest returns nothing new: refused too,
     * since the secret is gone (a retry uses another presignature).
     *
     * @throws LitNodeException {@code NodeNotAuthorized} if it is bound already (to any digest) or unknown;
     *     {@code NodeSystemFault} if the record cannot be written
     */
    public Presignature bind(String tokenId, Participants set, String id, Bytes digest) {
        // the secret is parsed and checked outside the lock: only the record and the pool's state need it
        Bound bound = bindRecord(tokenId, set, id, digest);
        return bound.kept() != null ? bound.kept() : scheme.importPresignature(bound.json());
    }

    /** A bound presignature: kept in memory since it was added, else its secret JSON read from its file. */
    private record Bound(Presignature kept, String json) {
    }

    /** Binds under the lock (see {@link #bind}) and returns the presignature, or its secret JSON to parse. */
    private synchronized Bound bindRecord(String tokenId, Participants set, String id, Bytes digest) {
        checkId(id);
        Path dir = folder(tokenId, set);
        TreeSet<String> ids = load(dir);
        Optional<Bytes> bound = boundDigest(tokenId, set, id);
        if (bound.isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeNotAuthorized, "presignature " + id + " is bound to digest "
                    + bound.get().hex() + "; it never signs another (asked for " + digest.hex() + ")");
        }
        if (!ids.contains(id)) {
            throw new LitNodeException(LitErrorCode.NodeNotAuthorized, "this node holds no unused presignature " + id
                    + " for PKP " + tokenId + " and set " + setName(set));
        }
        Path secret = dir.resolve(id + ".secret");
        Presignature kept = ready.remove(secret);
        String json = kept != null ? null : SecretFiles.read(secret);
        ids.remove(id);
        total--;
        reserved.remove(dir.resolve(id).toString());
        try {
            journals.get(dir).append(id, digest);
        } catch (LitNodeException e) {
            // the presignature stays out of the pool; the journal is read again (its torn tail cut) on next use
            journals.remove(dir).close();
            unused.remove(dir);
            total -= ids.size();
            DurableFiles.deleteUnsynced(secret);
            throw e;
        }
        // not synced: the bound record is, and a secret left beside it by a crash is deleted when the folder is read
        DurableFiles.deleteUnsynced(secret);
        return new Bound(kept, json);
    }

    /** The digest presignature {@code id} was bound to, if any. */
    public synchronized Optional<Bytes> boundDigest(String tokenId, Participants set, String id) {
        checkId(id);
        Path dir = folder(tokenId, set);
        load(dir);
        Optional<Bytes> journaled = journals.get(dir).digestOf(id);
        if (journaled.isPresent()) {
            return journaled;
        }
        Path legacy = dir.resolve(id + ".bound");
        if (!Files.exists(legacy)) {
            return Optional.empty();
        }
        JsonValue v = JsonReader.parseObject(SecretFiles.read(legacy), LitErrorCode.NodeSystemFault,
                legacy.toString()).get("digest").orElse(null);
        if (v instanceof JsonValue.JsonString s) {
            return Optional.of(Bytes.fromHex(s.value(), "digest"));
        }
        throw new LitNodeException(LitErrorCode.NodeSystemFault, legacy + " names no digest");
    }

    private boolean isBound(Path dir, String id) {
        return journals.get(dir).digestOf(id).isPresent() || Files.exists(dir.resolve(id + ".bound"));
    }

    /** How many unused presignatures {@code (tokenId, set)} has (reserved ones included). */
    public synchronized int unused(String tokenId, Participants set) {
        return load(folder(tokenId, set)).size();
    }

    /** Unused presignatures this store holds in all (those of the (PKP, set) folders it has read so far). */
    public synchronized int size() {
        return total;
    }

    private TreeSet<String> load(Path dir) {
        if (closed) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "the presignature store is closed: the node is "
                    + "stopping");
        }
        TreeSet<String> ids = unused.get(dir);
        if (ids != null) {
            return ids;
        }
        ids = new TreeSet<>();
        BindJournal journal = BindJournal.open(dir);
        journal.tornId().ifPresent(torn -> DurableFiles.delete(dir.resolve(torn + ".secret")));
        journal.cutTornTail();
        journals.put(dir, journal);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".secret") || !ID.matcher(name.substring(0, name.length() - 7)).matches()) {
                        continue;
                    }
                    String id = name.substring(0, name.length() - 7);
                    if (isBound(dir, id) || journal.tornId().filter(id::equals).isPresent()) {
                        DurableFiles.delete(f);
                    } else if (ids.size() < maxPerSet) {
                        ids.add(id);
                    }
                }
            } catch (IOException e) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot read " + dir + ": " + e.getMessage());
            }
        }
        total += ids.size();
        unused.put(dir, ids);
        return ids;
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "presignature id must be 32 lowercase hex");
        }
    }

    /**
     * Closes the journals' files, after waiting (at most {@link #CLOSE_WAIT}) for presignature files being written;
     * from then on nothing is written (an {@link #add} keeps nothing, other calls are refused with
     * {@code NodeSystemFault}), so a stopped node leaves its data folder alone. A new store opens the folder again.
     */
    @Override
    public synchronized void close() {
        closed = true;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (long left = CLOSE_WAIT.toMillis(); writing > 0 && left > 0;
                    left = (deadline - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journals.values().forEach(BindJournal::close);
        journals.clear();
        ready.clear();
        unused.clear();
        total = 0;
    }

    @Override
    public String toString() {
        return "PresignatureStore[" + root + " unused=" + total + "]";
    }
}
