package io.litj.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's identity and wallet keys in its data folder: created once, owner-only, never printed. */
class NodeIdentityTest {
    @TempDir
    Path dir;

    @Test
    void loadOrCreate_newFolder_createsOwnerOnlyKeyFilesInAnOwnerOnlyFolder() throws IOException {
        Path data = dir.resolve("node-0");

        NodeIdentity.loadOrCreate(data, new SecureRandom());

        assertEquals("rwx------", permissions(data));
        assertEquals("rw-------", permissions(data.resolve(NodeIdentity.IDENTITY_FILE)));
        assertEquals("rw-------", permissions(data.resolve(NodeIdentity.WALLET_FILE)));
        assertTrue(Files.readString(data.resolve(NodeIdentity.IDENTITY_FILE)).matches("[0-9a-f]{64}"));
        assertTrue(Files.readString(data.resolve(NodeIdentity.WALLET_FILE)).matches("[0-9a-f]{64}"));
    }

    @Test
    void loadOrCreate_secondTime_loadsTheSameKeys() {
        Path data = dir.resolve("node-0");
        NodeIdentity first = NodeIdentity.loadOrCreate(data, new SecureRandom());

        NodeIdentity again = NodeIdentity.loadOrCreate(data, new SecureRandom());

        assertEquals(first.identityPublicKey(), again.identityPublicKey());
        assertTrue(first.identity().sameSecretAs(again.identity()));
        assertTrue(first.wallet().sameSecretAs(again.wallet()));
        assertEquals(first.wallet().address(), again.wallet().address());
    }

    @Test
    void loadOrCreate_twoFolders_giveDifferentKeys() {
        NodeIdentity a = NodeIdentity.loadOrCreate(dir.resolve("node-0"), new SecureRandom());
        NodeIdentity b = NodeIdentity.loadOrCreate(dir.resolve("node-1"), new SecureRandom());

        assertNotEquals(a.identityPublicKey(), b.identityPublicKey());
        assertNotEquals(a.wallet().address(), b.wallet().address());
    }

    @Test
    void loadOrCreate_groupReadableIdentityFile_refusedWithAClearMessage() throws IOException {
        Path data = dir.resolve("node-0");
        NodeIdentity.loadOrCreate(data, new SecureRandom());
        Path file = data.resolve(NodeIdentity.IDENTITY_FILE);
        String secret = Files.readString(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> NodeIdentity.loadOrCreate(data, new SecureRandom()));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals(file + " is readable by others (rw-r-----); it must be owner-only (chmod 600)", e.getMessage());
        assertFalse(e.toString().toLowerCase(Locale.ROOT).contains(secret));
    }

    @Test
    void toString_showsPublicHalvesOnlyNeverSecretHex() throws IOException {
        Path data = dir.resolve("node-0");
        NodeIdentity identity = NodeIdentity.loadOrCreate(data, new SecureRandom());
        List<String> secrets = List.of(Files.readString(data.resolve(NodeIdentity.IDENTITY_FILE)),
                Files.readString(data.resolve(NodeIdentity.WALLET_FILE)));

        String text = identity + " " + identity.identity() + " " + identity.wallet()
                + " " + new IllegalStateException("with " + identity);

        for (String secret : secrets) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains(secret), text);
            assertFalse(text.toLowerCase(Locale.ROOT).contains(secret.substring(0, 16)), text);
        }
        assertTrue(text.contains(identity.identity().fingerprint()), text);
        assertTrue(text.contains(identity.wallet().address().toString()), text);
    }

    @Test
    void loadOrCreate_corruptIdentityFile_refusedWithLitNodeExceptionNamingThePath() throws IOException {
        Path data = dir.resolve("node-0");
        NodeIdentity.loadOrCreate(data, new SecureRandom());
        Path file = data.resolve(NodeIdentity.IDENTITY_FILE);
        SecretFiles.write(file, "abcd");

        LitNodeException e = assertThrows(LitNodeException.class,
                () -> NodeIdentity.loadOrCreate(data, new SecureRandom()));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
