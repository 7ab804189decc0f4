package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {
    private static final List<ResourceAbilityRequest> REQUESTS = TestSessions.actionAndPkp();
    private static final SessionStoreKey KEY = SessionStoreKey.of("net", TestSessions.WALLET.address(), REQUESTS);
    private static final SessionStoreKey OTHER_KEY =
            SessionStoreKey.of("net", TestSessions.OTHER_WALLET.address(), REQUESTS);
    private static final String SECRET_HEX = "07".repeat(32);

    @TempDir
    Path tmp;

    private static StoredSession granted() {
        return new StoredSession(TestSessions.SESSION_KEY, Optional.of(TestSessions.walletGrant()));
    }

    @Test
    void save_thenLoad_returnsTheSameKeyAndGrant() {
        FileSessionStore store = new FileSessionStore(tmp.resolve("s"));
        store.save(KEY, granted());
        StoredSession loaded = store.load(KEY).orElseThrow();
        assertTrue(loaded.key().sameSecretAs(TestSessions.SESSION_KEY));
        assertEquals(TestSessions.walletGrant(), loaded.authSig().orElseThrow());
    }

    @Test
    void save_keyOnly_loadsWithoutGrant() {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, StoredSession.keyOnly(TestSessions.SESSION_KEY));
        assertEquals(Optional.empty(), store.load(KEY).orElseThrow().authSig());
    }

    @Test
    void constructor_missingDirectories_createsThemOwnerOnly() throws IOException {
        Path dir = tmp.resolve("home/.litj/sessions");
        new FileSessionStore(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
    }

    @Test
    void save_writesOwnerOnlyFileWithTheDocumentedLayout() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        Path file = store.fileFor(KEY);
        assertEquals(KEY.id() + ".json", file.getFileName().toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\"version\":1,\"network\":\"net\",\"account\":\""
                + TestSessions.WALLET.address().toChecksumString() + "\",\"resources\":[{\"resource\":"), text);
        assertTrue(text.contains(",\"sessionKey\":{\"publicKey\":\"" + TestSessions.SESSION_KEY.publicKeyHex()
                + "\",\"secretKey\":\""), text);
        assertTrue(text.contains(",\"authSig\":{\"sig\":\"0x"), text);
    }

    @Test
    void save_twice_replacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, StoredSession.keyOnly(TestSessions.SESSION_KEY));
        store.save(KEY, new StoredSession(TestSessions.OTHER_SESSION_KEY, Optional.empty()));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(KEY.id() + ".json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(store.load(KEY).orElseThrow().key().sameSecretAs(TestSessions.OTHER_SESSION_KEY));
    }

    @Test
    void load_staleTemporaryFileBesideIt_isIgnoredAndClearedByClearAll() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        Path stale = tmp.resolve(".session-123.tmp");
        Files.writeString(stale, "{half");
        store.save(KEY, granted());
        assertTrue(store.load(KEY).isPresent());
        store.clearAll();
        assertFalse(Files.exists(stale));
    }

    @Test
    void load_corruptFile_isTreatedAsAbsentAndOverwrittenByTheNextSave() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        Path file = store.fileFor(KEY);
        Files.writeString(file, "{\"version\":1,\"sessionKey\":{\"secretKey\":\"" + SECRET_HEX);
        assertEquals(Optional.empty(), store.load(KEY));
        store.save(KEY, granted());
        assertTrue(store.load(KEY).isPresent());
    }

    @Test
    void load_fileOfAnotherKeyUnderThisName_isTreatedAsAbsent() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(OTHER_KEY, granted());
        Files.copy(store.fileFor(OTHER_KEY), store.fileFor(KEY));
        assertEquals(Optional.empty(), store.load(KEY));
    }

    @Test
    void load_fileReadableByOthers_isTreatedAsAbsent() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        Files.setPosixFilePermissions(store.fileFor(KEY), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.empty(), store.load(KEY));
    }

    @Test
    void load_wrongSecretForPublicKey_isTreatedAsAbsent() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        Path file = store.fileFor(KEY);
        String text = Files.readString(file).replace(SECRET_HEX, "09".repeat(32));
        Files.writeString(file, text);
        assertEquals(Optional.empty(), store.load(KEY));
    }

    @Test
    void save_twoAccounts_coexistInSeparateFiles() {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, StoredSession.keyOnly(TestSessions.SESSION_KEY));
        store.save(OTHER_KEY, StoredSession.keyOnly(TestSessions.OTHER_SESSION_KEY));
        assertTrue(store.load(KEY).orElseThrow().key().sameSecretAs(TestSessions.SESSION_KEY));
        assertTrue(store.load(OTHER_KEY).orElseThrow().key().sameSecretAs(TestSessions.OTHER_SESSION_KEY));
    }

    @Test
    void clear_removesOnlyThatEntry() {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        store.save(OTHER_KEY, granted());
        store.clear(KEY);
        assertEquals(Optional.empty(), store.load(KEY));
        assertTrue(store.load(OTHER_KEY).isPresent());
    }

    @Test
    void clearAll_removesSessionFilesButNotOtherFiles() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        store.save(OTHER_KEY, granted());
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "mine");
        store.clearAll();
        assertEquals(Optional.empty(), store.load(KEY));
        assertEquals(Optional.empty(), store.load(OTHER_KEY));
        assertTrue(Files.exists(notes));
    }

    @Test
    void load_missing_isEmpty() {
        assertEquals(Optional.empty(), new FileSessionStore(tmp).load(KEY));
    }

    @Test
    void toString_showsDirectoryButNoSecret() {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, granted());
        StoredSession loaded = store.load(KEY).orElseThrow();
        for (String text : List.of(store.toString(), loaded.toString(), KEY.toString())) {
            assertFalse(text.contains(SECRET_HEX), text);
            assertFalse(text.contains(TestSessions.walletGrant().sig()), text);
        }
        assertTrue(store.toString().contains(tmp.toString()));
    }

    @Test
    void defaultDirectory_endsInSessions() {
        Path dir = FileSessionStore.defaultDirectory();
        assertEquals("sessions", dir.getFileName().toString());
        String home = System.getenv("LITJ_HOME");
        Path expected = home != null && !home.isBlank() ? Path.of(home, "sessions")
                : Path.of(System.getProperty("user.home"), ".litj", "sessions");
        assertEquals(expected, dir);
    }

    @Test
    void save_sessionKey_isWrittenInTheTweetnaclStorageForm() throws IOException {
        FileSessionStore store = new FileSessionStore(tmp);
        store.save(KEY, StoredSession.keyOnly(TestSessions.SESSION_KEY));
        String text = Files.readString(store.fileFor(KEY), StandardCharsets.UTF_8);
        assertTrue(text.contains(SECRET_HEX + TestSessions.SESSION_KEY.publicKeyHex()));
        SessionKeyPair reread = SessionKeyPair.fromSeed(Hex.decode(SECRET_HEX, "seed"));
        assertTrue(reread.sameSecretAs(store.load(KEY).orElseThrow().key()));
    }

    @Test
    void inMemoryStore_saveLoadClearAll_roundTrips() {
        InMemorySessionStore store = new InMemorySessionStore();
        store.save(KEY, granted());
        AuthSig grant = store.load(KEY).orElseThrow().authSig().orElseThrow();
        assertEquals(TestSessions.walletGrant(), grant);
        assertEquals("InMemorySessionStore[entries=1]", store.toString());
        store.clearAll();
        assertEquals(Optional.empty(), store.load(KEY));
    }
}
