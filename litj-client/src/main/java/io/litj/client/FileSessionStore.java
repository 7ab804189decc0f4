package io.litj.client;

import io.litj.client.internal.SealedSessionFiles;
import io.litj.client.internal.SessionFiles;
import io.litj.client.internal.StoreKeyFile;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.AesGcm;
import io.litj.protocol.crypto.ScryptParams;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SessionStore} of JSON files in one directory, one file per {@link SessionStoreKey} (name: the key's
 * {@link SessionStoreKey#id() id} + {@code .json}), so several users, PKPs and networks are kept at once.
 *
 * <p>Security and robustness:
 * <ul>
 *   <li>the directory is created {@code rwx------} and every file {@code rw-------}, with those permissions from
 *       the start (never widened, then narrowed);</li>
 *   <li>writes are atomic: a temporary file in the same directory, flushed, then moved over the old one;</li>
 *   <li>a file that cannot be parsed, belongs to another key, is not a regular file, or is readable by group or
 *       others is reported (a warning naming the file and the problem, never its content) and treated as absent;
 *       the next save replaces it.</li>
 * </ul>
 * On file systems without POSIX permissions the files are written without them (a warning says so once).
 *
 * <p>Encryption at rest ({@link #encrypted(Path, char[])}, {@link #encrypted(Path, byte[])}): every session file is
 * AES-256-GCM sealed under a store key, with the entry's {@link SessionStoreKey#id()} as associated data, so a file
 * is unreadable without the key and cannot be moved to another entry; the key comes from a passphrase (scrypt) or is
 * given. {@value StoreKeyFile#NAME} in the directory records how the key is made and a check value, so a wrong
 * passphrase is refused when the store is opened, before anything is read or written. Plain (version 1) files found
 * in an encrypted store are read once and re-written sealed. A plain store refuses to open an encrypted directory.
 * Formats: {@code docs/session-store.md}.
 *
 * <p>Thread-safe (writes are atomic replacements; concurrent writers of one key: the last wins).
 */
public final class FileSessionStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSessionStore.class);
    private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Pattern SESSION_FILE = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final String TEMP_PREFIX = ".session-";
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final int MAX_FILES = 10_000;

    private final Path dir;
    private final boolean posix;
    /** The store key, or null for a plain store. */
    private final byte[] storeKey;
    private final SecureRandom random;

    /**
     * A store in {@code dir}, created (owner-only) if missing.
     *
     * @throws LitClientException {@code InitError} if the directory cannot be created or is not a directory
     */
    public FileSessionStore(Path dir) {
        this(dir, Optional.empty(), Optional.empty());
    }

    /**
     * An encrypted store in {@code dir} whose key is derived from {@code passphrase} (scrypt, parameters and salt in
     * {@value StoreKeyFile#NAME}, made on first use). The caller may wipe {@code passphrase} afterwards.
     *
     * @throws LitClientException {@code InvalidArgument} for an empty or wrong passphrase, or a store made with a raw
     *         key (nothing is read or changed); {@code InitError} as {@link #FileSessionStore(Path)} or when
     *         {@value StoreKeyFile#NAME} is unreadable
     */
    public static FileSessionStore encrypted(Path dir, char[] passphrase) {
        return new FileSessionStore(dir, Optional.of(passphrase.clone()), Optional.empty());
    }

    /**
     * An encrypted store in {@code dir} under a 32-byte AES key (e.g. from a KMS).
     *
     * @throws LitClientException {@code InvalidArgument} for a key that is not 32 bytes, a wrong key, or a store made
     *         with a passphrase (nothing is read or changed); otherwise as {@link #encrypted(Path, char[])}
     */
    public static FileSessionStore encrypted(Path dir, byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "a session store key is " + AesGcm.KEY_BYTES
                    + " bytes, not " + key.length);
        }
        return new FileSessionStore(dir, Optional.empty(), Optional.of(key.clone()));
    }

    private FileSessionStore(Path dir, Optional<char[]> passphrase, Optional<byte[]> rawKey) {
        this.random = new SecureRandom();
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.posix = this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(this.dir)) {
                if (posix) {
                    Files.createDirectories(this.dir, PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS));
                } else {
                    Files.createDirectories(this.dir);
                    LOG.warn("session directory {} is on a file system without POSIX permissions; session files"
                            + " are not protected by owner-only permissions", this.dir);
                }
            } else if (posix) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(this.dir);
                if (!DIR_PERMISSIONS.containsAll(perms)) {
                    LOG.warn("session directory {} has permissions {}, expected rwx------; files in it are still"
                            + " written rw-------", this.dir, PosixFilePermissions.toString(perms));
                }
            }
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot create session directory " + this.dir
                    + ": " + e, e);
        }
        try {
            this.storeKey = openKey(passphrase, rawKey);
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } finally {
            passphrase.ifPresent(p -> Arrays.fill(p, '\0'));
            rawKey.ifPresent(k -> Arrays.fill(k, (byte) 0));
        }
    }

    /** The store key from {@value StoreKeyFile#NAME} (made if missing), or null for a plain store. */
    private byte[] openKey(Optional<char[]> passphrase, Optional<byte[]> rawKey) {
        Path file = dir.resolve(StoreKeyFile.NAME);
        String where = "the session store " + dir;
        Optional<StoreKeyFile> existing = readKeyFile(file);
        if (passphrase.isEmpty() && rawKey.isEmpty()) {
            if (existing.isPresent()) {
                throw new LitClientException(LitErrorCode.InvalidArgument, where + " is encrypted: open it with its"
                        + " passphrase (the CLI reads LITJ_STORE_PASSPHRASE) or key");
            }
            return null;
        }
        if (existing.isPresent()) {
            return existing.get().unlock(passphrase, rawKey, where);
        }
        Optional<ScryptParams> scrypt = passphrase.map(p -> ScryptParams.fresh(random));
        byte[] key = scrypt.isPresent() ? scrypt.get().derive(passphrase.get()) : rawKey.orElseThrow().clone();
        try {
            write(file, StoreKeyFile.create(scrypt, key, random).encode().getBytes(StandardCharsets.UTF_8), false);
        } catch (FileAlreadyExistsException e) {
            Arrays.fill(key, (byte) 0);
            return readKeyFile(file).orElseThrow().unlock(passphrase, rawKey, where); // another process made it first
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot write " + file + ": " + e, e);
        }
        return key;
    }

    private static Optional<StoreKeyFile> readKeyFile(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 4096) {
                throw new LitClientException(LitErrorCode.InitError, file + " is not a store key file (not a small"
                        + " regular file); move it away only if this store was never encrypted");
            }
            return Optional.of(StoreKeyFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot read " + file + ": " + e, e);
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
    }

    /** True if session files are sealed under a store key. */
    public boolean isEncrypted() {
        return storeKey != null;
    }

    /**
     * The default directory for command-line use: {@code $LITJ_HOME/sessions}, or {@code ~/.litj/sessions} when
     * {@code LITJ_HOME} is not set.
     */
    public static Path defaultDirectory() {
        String home = System.getenv("LITJ_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".litj");
        return base.resolve("sessions");
    }

    /** The directory holding the files. */
    public Path directory() {
        return dir;
    }

    /** The file of {@code key}. */
    Path fileFor(SessionStoreKey key) {
        return dir.resolve(key.id() + ".json");
    }

    @Override
    public Optional<StoredSession> load(SessionStoreKey key) {
        Path file = fileFor(key);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Optional<String> problem = unusable(file);
            if (problem.isPresent()) {
                return ignore(file, problem.get());
            }
            return Optional.of(read(file, key));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return ignore(file, "it cannot be read: " + e);
        } catch (RuntimeException e) {
            return ignore(file, e.getMessage());
        }
    }

    /** Why {@code file} must not be read: not a regular file, readable by others, or too large; empty if fine. */
    private Optional<String> unusable(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("it is not a regular file");
        }
        if (posix) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!FILE_PERMISSIONS.containsAll(perms)) {
                return Optional.of("its permissions are " + PosixFilePermissions.toString(perms)
                        + " (group or others may read it), expected rw-------");
            }
        }
        long size = Files.size(file);
        return size > MAX_FILE_BYTES ? Optional.of("it is " + size + " bytes, more than a session file can be")
                : Optional.empty();
    }

    /**
     * The keys of the usable entries (at most 10,000 files are looked at; unusable ones are reported and skipped).
     * Reads, and in an encrypted store opens, every file; changes nothing.
     */
    @Override
    public List<SessionStoreKey> keys() {
        List<SessionStoreKey> out = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!SESSION_FILE.matcher(name).matches()) {
                    continue;
                }
                if (++seen > MAX_FILES) {
                    LOG.warn("session directory {} holds more than {} session files; listing the first only", dir,
                            MAX_FILES);
                    break;
                }
                peek(p, name.substring(0, name.length() - ".json".length())).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot list session directory " + dir + ": " + e,
                    e);
        }
        return out;
    }

    private Optional<SessionStoreKey> peek(Path file, String id) {
        try {
            Optional<String> problem = unusable(file);
            if (problem.isPresent()) {
                ignore(file, problem.get());
                return Optional.empty();
            }
            JsonValue.JsonObject json = SessionFiles.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (SessionFiles.version(json) == SealedSessionFiles.VERSION) {
                if (storeKey == null) {
                    ignore(file, "it is encrypted and this store has no key");
                    return Optional.empty();
                }
                json = SessionFiles.parse(SealedSessionFiles.open(storeKey, id, json));
            }
            SessionStoreKey key = SessionFiles.decodeAny(json).key();
            if (!key.id().equals(id)) {
                ignore(file, "its content belongs to another entry");
                return Optional.empty();
            }
            return Optional.of(key);
        } catch (IOException e) {
            ignore(file, "it cannot be read: " + e);
        } catch (RuntimeException e) {
            ignore(file, e.getMessage());
        }
        return Optional.empty();
    }

    /** Reads, opens and decodes one file; a plain file in an encrypted store is re-written sealed. */
    private StoredSession read(Path file, SessionStoreKey key) throws IOException {
        JsonValue.JsonObject json = SessionFiles.parse(Files.readString(file, StandardCharsets.UTF_8));
        long version = SessionFiles.version(json);
        if (version == SealedSessionFiles.VERSION) {
            if (storeKey == null) {
                throw new LitProtocolException(LitErrorCode.InvalidArgument, "it is encrypted and this store has no"
                        + " key");
            }
            return SessionFiles.decode(SessionFiles.parse(SealedSessionFiles.open(storeKey, key.id(), json)), key);
        }
        StoredSession session = SessionFiles.decode(json, key);
        if (storeKey != null) {
            save(key, session);
            LOG.info("session file {} was plain: re-written encrypted", file);
        }
        return session;
    }

    private static Optional<StoredSession> ignore(Path file, String why) {
        LOG.warn("ignoring session file {}: {}", file, why);
        return Optional.empty();
    }

    @Override
    public void save(SessionStoreKey key, StoredSession session) {
        Path target = fileFor(key);
        String text = SessionFiles.encode(key, session);
        if (storeKey != null) {
            text = SealedSessionFiles.seal(storeKey, key.id(), text, random);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            write(target, bytes, true);
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot write session file " + target + ": " + e,
                    e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Writes {@code bytes} owner-only through a flushed temporary file moved over (or, unless replace, to) target. */
    private void write(Path target, byte[] bytes, boolean replace) throws IOException {
        Path temp = null;
        try {
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp", attrs);
            try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.WRITE))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!replace) {
                Files.move(temp, target); // fails if target exists
            } else {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            temp = null;
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public void clear(SessionStoreKey key) {
        Path file = fileFor(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot delete session file " + file + ": " + e,
                    e);
        }
    }

    /** Deletes every session file (and left-over temporary file) of this store; other files are left alone. */
    @Override
    public void clearAll() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (SESSION_FILE.matcher(name).matches() || (name.startsWith(TEMP_PREFIX) && name.endsWith(".tmp"))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot clear session directory " + dir + ": " + e,
                    e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete temporary session file {}: {}", p, e.toString());
        }
    }

    @Override
    public String toString() {
        return "FileSessionStore[dir=" + dir + (storeKey != null ? " encrypted" : "") + "]";
    }
}
