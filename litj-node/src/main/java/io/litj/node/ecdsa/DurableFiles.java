package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.node.keys.SecretFiles;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Owner-only files that survive a crash once written: {@link SecretFiles#write} (temporary file, fsync, atomic
 * rename) followed by an fsync of the folder, so the rename itself is on disk before the caller goes on.
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /** Writes {@code text} to {@code file} and syncs file and folder. */
    static void write(Path file, String text) {
        SecretFiles.write(file, text);
        syncFolder(file.toAbsolutePath().getParent());
    }

    /** Deletes {@code file} if present and syncs its folder. */
    static void delete(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                syncFolder(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** Deletes {@code file} if present, without syncing its folder (for files whose return a reader tolerates). */
    static void deleteUnsynced(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot delete " + file + ": " + e.getMessage());
        }
    }

    static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot sync folder " + dir + ": "
                    + e.getMessage());
        }
    }
}
