package io.litj.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only secret files: how they are written, and which ones are refused on reading. */
class SecretFilesTest {
    private static final String SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";

    @TempDir
    Path dir;

    @Test
    void write_intoNewFolder_createsFile0600InFolder0700() throws IOException {
        Path file = dir.resolve("keys/deeper/secret.key");

        SecretFiles.write(file, SECRET);

        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
        assertEquals("rwx------", permissions(dir.resolve("keys")));
        assertEquals(SECRET, Files.readString(file));
    }

    @Test
    void write_existingFile_replacesItAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("keys/secret.key");
        SecretFiles.write(file, "old");

        SecretFiles.write(file, SECRET);

        assertEquals(SECRET, SecretFiles.read(file));
        assertEquals("rw-------", permissions(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void read_ownerOnlyFile_returnsTheTextWithoutSurroundingWhitespace() throws IOException {
        Path file = dir.resolve("keys/secret.key");
        SecretFiles.write(file, "  " + SECRET + "\n");

        assertEquals(SECRET, SecretFiles.read(file));
    }

    @Test
    void read_fileOthersCanRead_refusedWithAClearMessageAndNoSecret() throws IOException {
        for (String perms : List.of("rw-r-----", "rw----r--", "rw-rw-rw-", "rw---x---")) {
            Path file = dir.resolve("keys/secret.key");
            SecretFiles.write(file, SECRET);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));

            LitNodeException e = assertThrows(LitNodeException.class, () -> SecretFiles.read(file));

            assertEquals(LitErrorCode.NodeSystemFault, e.code());
            assertEquals(file + " is readable by others (" + perms + "); it must be owner-only (chmod 600)",
                    e.getMessage());
            assertFalse(e.toString().contains(SECRET));
        }
    }

    @Test
    void read_missingFile_refusedWithNodeSystemFaultNamingIt() {
        Path missing = dir.resolve("missing.key");

        LitNodeException e = assertThrows(LitNodeException.class, () -> SecretFiles.read(missing));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().startsWith("cannot read " + missing), e.getMessage());
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
