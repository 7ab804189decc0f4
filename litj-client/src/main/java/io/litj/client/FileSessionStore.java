package io.litj.client;

import io.litj.client.internal.SessionFiles;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
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
import java.util.EnumSet;
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
 * <p>Thread-safe (writes are atomic replacements; concurrent writers of one key: the last wins).
 */
public final class FileSessionStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSessionStore.class);
    private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Pattern SESSION_FILE = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final String TEMP_PREFIX = ".session-";
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final Path dir;
    private final boolean posix;

    /**
     * A store in {@code dir}, created (owner-only) if missing.
     *
     * @throws LitClientException {@code InitError} if the directory cannot be created or is not a directory
     */
    public FileSessionStore(Path dir) {
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
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return ignore(file, "it is not a regular file");
            }
            if (posix) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (!FILE_PERMISSIONS.containsAll(perms)) {
                    return ignore(file, "its permissions are " + PosixFilePermissions.toString(perms)
                            + " (group or others may read it), expected rw-------");
                }
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return ignore(file, "it is " + size + " bytes, more than a session file can be");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(SessionFiles.decode(text, key));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return ignore(file, "it cannot be read: " + e);
        } catch (RuntimeException e) {
            return ignore(file, e.getMessage());
        }
    }

    private static Optional<StoredSession> ignore(Path file, String why) {
        LOG.warn("ignoring session file {}: {}", file, why);
        return Optional.empty();
    }

    @Override
    public void save(SessionStoreKey key, StoredSession session) {
        Path target = fileFor(key);
        byte[] bytes = SessionFiles.encode(key, session).getBytes(StandardCharsets.UTF_8);
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
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new LitClientException(LitErrorCode.InitError, "cannot write session file " + target + ": " + e,
                    e);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
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
        return "FileSessionStore[dir=" + dir + "]";
    }
}
