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
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin token: created once, owner-only, compared in constant time, never printed. */
class AdminTokenTest {
    @TempDir
    Path dir;

    @Test
    void loadOrCreate_newFile_createsAnOwnerOnly64HexTokenNextToTheRegistry() throws IOException {
        Path file = AdminToken.fileFor(dir.resolve("registry.sqlite"));

        AdminToken token = AdminToken.loadOrCreate(file, new SecureRandom());

        assertEquals(dir.resolve("admin.token").toAbsolutePath(), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).matches("[0-9a-f]{64}"));
        assertTrue(token.matches(Files.readString(file)));
    }

    @Test
    void loadOrCreate_secondTime_keepsTheToken() {
        Path file = dir.resolve(AdminToken.FILE_NAME);
        AdminToken first = AdminToken.loadOrCreate(file, new SecureRandom());

        AdminToken again = AdminToken.loadOrCreate(file, new SecureRandom());

        assertTrue(again.matches(first.exportSecret()));
    }

    @Test
    void matches_otherOrShorterText_false() {
        AdminToken token = AdminToken.loadOrCreate(dir.resolve(AdminToken.FILE_NAME), new SecureRandom());
        String text = token.exportSecret();

        assertFalse(token.matches(text.substring(1)));
        assertFalse(token.matches(text.substring(0, 63) + (text.charAt(63) == '0' ? '1' : '0')));
        assertFalse(token.matches(""));
    }

    @Test
    void read_missingFile_emptyAndGroupReadable_refused() throws IOException {
        assertTrue(AdminToken.read(dir.resolve("none")).isEmpty());
        Path file = dir.resolve(AdminToken.FILE_NAME);
        Files.writeString(file, "ab".repeat(32));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        LitNodeException e = assertThrows(LitNodeException.class, () -> AdminToken.read(file));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
    }

    @Test
    void toString_neverShowsTheToken() {
        AdminToken token = AdminToken.loadOrCreate(dir.resolve(AdminToken.FILE_NAME), new SecureRandom());

        assertEquals("AdminToken[redacted]", token.toString());
        assertFalse(String.valueOf(token).contains(token.exportSecret().substring(0, 8)));
    }
}
