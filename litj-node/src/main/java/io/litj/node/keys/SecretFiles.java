package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes and reads small secret files: created owner-only ({@code 0600}, in a {@code 0700} folder) and replaced
 * atomically, so a crash never leaves half a key. Contents never appear in messages.
 */
public final class SecretFiles {
    private SecretFiles() {
    }

    /** Writes {@code text} to {@code file} atomically with owner-only permissions. */
    public static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path tmp = Files.createTempFile(dir, ".tmp-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot write " + file + ": it exists");
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Reads a secret file; refuses one that others can read. */
    public static String read(Path file) {
        try {
            var perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + "); it must be owner-only (chmod 600)");
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
