package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bound records of one (PKP, signing set): an append-only, owner-only file {@code bound.journal} of fixed-length
 * lines {@code <id, 32 hex> <digest, 64 hex>\n}. {@link #append} writes one line and syncs the file's data
 * ({@code fdatasync}) before it returns, so a presignature is bound durably with one sync; the file itself is created
 * (and its folder synced) once, off the signing path, by {@link #open}.
 *
 * <p>A crash can leave a torn last line (an append whose sync never returned, so its share never left the node).
 * It is handled conservatively: a torn line that already holds a whole id names a presignature the caller deletes
 * ({@link #tornId()}: never handed out, although no share of it left), then {@link #cutTornTail()} cuts the file back
 * to its last whole line so that later appends stay aligned. A torn line shorter than an id names nothing; the
 * presignature it was binding stays unused, which is safe because no share of it was made. A malformed whole line is refused ({@code NodeSystemFault}):
 * the set is then not served rather than served from a journal that cannot be trusted. Not thread-safe: the
 * {@link PresignatureStore} holds its lock around every call.
 */
final class BindJournal implements AutoCloseable {
    /** The journal's file name inside a set's folder. */
    static final String FILE = "bound.journal";
    static final int LINE = 32 + 1 + 64 + 1;
    private static final Pattern RECORD = Pattern.compile("([0-9a-f]{32}) ([0-9a-f]{64})\n");
    private static final Pattern TORN_ID = Pattern.compile("([0-9a-f]{32}).*", Pattern.DOTALL);

    private final Path file;
    private final Map<String, Bytes> bound;
    private final Optional<String> tornId;
    private final long wholeBytes;
    private FileChannel channel;

    private BindJournal(Path file, Map<String, Bytes> bound, Optional<String> tornId, long wholeBytes) {
        this.file = file;
        this.bound = bound;
        this.tornId = tornId;
        this.wholeBytes = wholeBytes;
    }

    /**
     * Reads the journal of {@code dir}, creating it (and syncing the folder) if it is missing.
     *
     * @throws LitNodeException {@code NodeSystemFault} if it cannot be read or created, or holds a malformed line
     */
    static BindJournal open(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                DurableFiles.syncFolder(dir);
            }
            byte[] raw = Files.readAllBytes(file);
            Map<String, Bytes> bound = new HashMap<>();
            int whole = raw.length / LINE;
            for (int i = 0; i < whole; i++) {
                String line = new String(raw, i * LINE, LINE, StandardCharsets.US_ASCII);
                var m = RECORD.matcher(line);
                if (!m.matches()) {
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, file + " line " + (i + 1)
                            + " is not '<id> <digest>'; this set is not served until the journal is repaired");
                }
                bound.putIfAbsent(m.group(1), Bytes.fromHex(m.group(2), "digest"));
            }
            Optional<String> torn = Optional.empty();
            if (raw.length % LINE != 0) {
                var m = TORN_ID.matcher(new String(raw, whole * LINE, raw.length - whole * LINE,
                        StandardCharsets.US_ASCII));
                if (m.matches()) {
                    torn = Optional.of(m.group(1));
                }
            }
            return new BindJournal(file, bound, torn, (long) whole * LINE);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The id of a torn last line, if it holds a whole one: the caller treats it as bound (deletes its secret), then
     * calls {@link #cutTornTail()}.
     */
    Optional<String> tornId() {
        return tornId;
    }

    /** Cuts a torn last line off (synced), so that the next append starts a whole line. */
    void cutTornTail() {
        try {
            if (Files.size(file) != wholeBytes) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(wholeBytes);
                    ch.force(false);
                }
            }
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot repair " + file + ": " + e.getMessage());
        }
    }

    /** The digest {@code id} is bound to, if a whole line records it. */
    Optional<Bytes> digestOf(String id) {
        return Optional.ofNullable(bound.get(id));
    }

    /** The ids bound in this journal (unmodifiable view). */
    Map<String, Bytes> bound() {
        return Collections.unmodifiableMap(bound);
    }

    /**
     * Appends {@code id → digest} and syncs the file's data: the record is on disk when this returns.
     *
     * @throws LitNodeException {@code NodeSystemFault} if it cannot be written or synced
     */
    void append(String id, Bytes digest) {
        byte[] line = (id + " " + digest.hex() + "\n").getBytes(StandardCharsets.US_ASCII);
        if (line.length != LINE) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "a bound record needs a 32-hex id and a 32-byte"
                    + " digest");
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            closeQuietly();
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot append to " + file + ": "
                    + e.getMessage());
        }
        bound.put(id, digest);
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the next append opens it again
        }
        channel = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
