package io.litj.cli;

import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionSigs;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file of session sigs (the JS SDK's {@code SessionSigsMap} JSON) as {@code litj session create --out} writes it
 * and {@code litj exec --session} / {@code litj session revoke --session} read it. Whoever holds the file can use
 * the session until it expires or is revoked, so it is written owner-only (where the file system allows).
 */
final class SessionFile {
    private SessionFile() {
    }

    /** Writes {@code sigs} to {@code file} (replacing it), readable by its owner only. */
    static void write(Path file, SessionSigs sigs) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".session-", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own protection applies
                }
                Files.writeString(tmp, sigs.toJsonString() + "\n");
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw CliException.local("cannot write --out " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw CliException.local("cannot write --out " + file + ": " + e.getMessage());
        }
    }

    /** The session sigs in {@code file}; exit 1 when it is missing or not session sigs. */
    static SessionSigs read(Path file) {
        String text = ExecCommand.readCode(file, "--session file");
        try {
            SessionSigs sigs = SessionSigs.parse(text);
            if (sigs.byNodeUrl().isEmpty()) {
                throw CliException.local("--session file " + file + " holds no session sigs");
            }
            return sigs;
        } catch (LitProtocolException e) {
            throw CliException.local("--session file " + file + " does not hold session sigs (as `litj session "
                    + "create --out` writes them): " + e.getMessage());
        }
    }
}
