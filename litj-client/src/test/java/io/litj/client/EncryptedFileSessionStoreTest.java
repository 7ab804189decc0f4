package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.internal.StoreKeyFile;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSessionStoreTest {
    private static final List<ResourceAbilityRequest> REQUESTS = TestSessions.actionAndPkp();
    private static final SessionStoreKey KEY = SessionStoreKey.of("net", TestSessions.WALLET.address(), REQUESTS);
    private static final SessionStoreKey OTHER_KEY =
            SessionStoreKey.of("net", TestSessions.OTHER_WALLET.address(), REQUESTS);
    private static final String SECRET_HEX = "07".repeat(32);
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private static StoredSession granted() {
        return new StoredSession(TestSessions.SESSION_KEY, Optional.of(TestSessions.walletGrant()));
    }

    private Path fileOf(SessionStoreKey key) {
        return dir.resolve(key.id() + ".json");
    }

    /** Every file's bytes by name, to prove that something changed nothing. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    @Test
    void save_encrypted_fileHoldsNoSecretAndOpensOnlyWithThePassphrase() throws IOException {
        FileSessionStore.encrypted(dir, PASSPHRASE).save(KEY, granted());
        String text = Files.readString(fileOf(KEY));
        assertTrue(text.startsWith("{\"version\":2,\"cipher\":\"AES-256-GCM\",\"sealed\":\""), text);
        assertFalse(text.contains(SECRET_HEX), "secret key in the clear");
        assertFalse(text.contains(TestSessions.walletGrant().sig()), "grant signature in the clear");
        assertFalse(text.contains(KEY.account()), "account in the clear");
        assertFalse(text.contains(new String(PASSPHRASE)), "passphrase written");

        FileSessionStore reopened = FileSessionStore.encrypted(dir, PASSPHRASE);
        assertTrue(reopened.isEncrypted());
        StoredSession loaded = reopened.load(KEY).orElseThrow();
        assertTrue(loaded.key().sameSecretAs(TestSessions.SESSION_KEY));
        assertEquals(TestSessions.walletGrant(), loaded.authSig().orElseThrow());
    }

    @Test
    void open_withoutPassphrase_isRefusedAndChangesNothing() throws IOException {
        FileSessionStore.encrypted(dir, PASSPHRASE).save(KEY, granted());
        Map<String, String> before = snapshot();
        LitClientException e = assertThrows(LitClientException.class, () -> new FileSessionStore(dir));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("is encrypted") && e.getMessage().contains("LITJ_STORE_PASSPHRASE"),
                e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void open_wrongPassphrase_isRefusedAndChangesNothing() throws IOException {
        FileSessionStore.encrypted(dir, PASSPHRASE).save(KEY, granted());
        Map<String, String> before = snapshot();
        LitClientException e = assertThrows(LitClientException.class,
                () -> FileSessionStore.encrypted(dir, "correct horse battery stapler".toCharArray()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("wrong passphrase for the session store"), e.getMessage());
        assertFalse(e.getMessage().contains("stapler"), "the message must not repeat the passphrase");
        assertEquals(before, snapshot());
    }

    @Test
    void open_emptyPassphrase_isRefused() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> FileSessionStore.encrypted(dir, new char[0]));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertFalse(Files.exists(dir.resolve(StoreKeyFile.NAME)));
    }

    @Test
    void load_plainFile_isMigratedOnceToAnEncryptedFile() throws IOException {
        new FileSessionStore(dir).save(KEY, granted());
        assertTrue(Files.readString(fileOf(KEY)).contains(SECRET_HEX), "precondition: a plain file");

        FileSessionStore store = FileSessionStore.encrypted(dir, PASSPHRASE);
        StoredSession loaded = store.load(KEY).orElseThrow();
        assertTrue(loaded.key().sameSecretAs(TestSessions.SESSION_KEY));
        assertEquals(TestSessions.walletGrant(), loaded.authSig().orElseThrow());
        String after = Files.readString(fileOf(KEY));
        assertTrue(after.startsWith("{\"version\":2,"), after);
        assertFalse(after.contains(SECRET_HEX));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fileOf(KEY))));
        assertTrue(FileSessionStore.encrypted(dir, PASSPHRASE).load(KEY).isPresent());
    }

    @Test
    void load_tamperedCiphertext_isRefusedAsAbsent() throws IOException {
        FileSessionStore store = FileSessionStore.encrypted(dir, PASSPHRASE);
        store.save(KEY, granted());
        String text = Files.readString(fileOf(KEY));
        String sealed = text.substring(text.indexOf("\"sealed\":\"") + 10, text.lastIndexOf('"'));
        byte[] box = Base64Url.decode(sealed, "sealed");
        box[box.length / 2] ^= 1;
        Files.writeString(fileOf(KEY), text.replace(sealed, Base64Url.encode(box)));
        assertEquals(Optional.empty(), store.load(KEY));
    }

    @Test
    void load_sealedFileOfAnotherEntryCopiedOverThisOne_isRefused() throws IOException {
        FileSessionStore store = FileSessionStore.encrypted(dir, PASSPHRASE);
        store.save(OTHER_KEY, granted());
        Files.copy(fileOf(OTHER_KEY), fileOf(KEY));
        assertEquals(Optional.empty(), store.load(KEY));
        assertTrue(store.load(OTHER_KEY).isPresent());
    }

    @Test
    void rawKey_roundTripsAndRefusesAWrongKeyOrAPassphrase() {
        byte[] key = new byte[32];
        key[0] = 42;
        FileSessionStore.encrypted(dir, key).save(KEY, granted());
        assertTrue(FileSessionStore.encrypted(dir, key.clone()).load(KEY).isPresent());
        byte[] wrong = key.clone();
        wrong[31] = 1;
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> FileSessionStore.encrypted(dir, wrong)).code());
        LitClientException e = assertThrows(LitClientException.class,
                () -> FileSessionStore.encrypted(dir, PASSPHRASE));
        assertTrue(e.getMessage().contains("was made with a raw key"), e.getMessage());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> FileSessionStore.encrypted(dir.resolve("x"), new byte[16])).code());
    }

    @Test
    void keyFile_withAbsurdScryptCost_isRefusedBeforeAnyWork() throws IOException {
        FileSessionStore.encrypted(dir, PASSPHRASE);
        Path keyFile = dir.resolve(StoreKeyFile.NAME);
        Files.writeString(keyFile, Files.readString(keyFile).replace("\"logN\":15", "\"logN\":40"));
        LitClientException e = assertThrows(LitClientException.class,
                () -> FileSessionStore.encrypted(dir, PASSPHRASE));
        assertEquals(LitErrorCode.InitError, e.code());
        assertTrue(e.getMessage().contains("logN"), e.getMessage());
    }

    @Test
    void keys_listsEveryEntryOfAnEncryptedStore() {
        FileSessionStore store = FileSessionStore.encrypted(dir, PASSPHRASE);
        store.save(KEY, granted());
        store.save(OTHER_KEY, StoredSession.keyOnly(TestSessions.OTHER_SESSION_KEY));
        assertEquals(java.util.Set.of(KEY, OTHER_KEY), java.util.Set.copyOf(store.keys()));
        store.clearAll();
        assertEquals(List.of(), store.keys());
        assertTrue(Files.exists(dir.resolve(StoreKeyFile.NAME)), "clearAll keeps the store encrypted");
    }

    @Test
    void keyFile_isNotTheKey() throws IOException {
        FileSessionStore.encrypted(dir, PASSPHRASE);
        String text = Files.readString(dir.resolve(StoreKeyFile.NAME), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"version\":1,\"kdf\":\"scrypt\",\"logN\":15,\"r\":8,\"p\":1,\"salt\":\""), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(new String(PASSPHRASE).getBytes())));
    }
}
