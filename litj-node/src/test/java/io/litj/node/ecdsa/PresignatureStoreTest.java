package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.keys.PkpKeyShare;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presignatures on disk: offered lowest first, bound once and for good, also across a restart (a new store). */
class PresignatureStoreTest {
    private static final String TOKEN = "ab".repeat(32);
    private static final Participants SET = new Participants(List.of(1, 3), 2);
    private static final Bytes DIGEST = Bytes.of(new byte[32]);
    private static final Bytes OTHER_DIGEST = Bytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @TempDir
    Path dir;

    /** Stores the secret JSON as given; signs nothing (the store never signs). */
    private static final EcdsaScheme TEXT = new EcdsaScheme() {
        @Override
        public RoundProtocol<List<TripleShare>> triples(Participants set, int self, byte[] sessionId, int count,
                SecureRandom random) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RoundProtocol<Presignature> presign(Participants set, int self, PkpKeyShare key, TripleShare first,
                TripleShare second) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Presignature importPresignature(String secretJson) {
            return text(secretJson);
        }
    };

    private static Presignature text(String json) {
        return new Presignature() {
            @Override
            public String exportSecretJson() {
                return json;
            }

            @Override
            public SignatureShare sign(Bytes digest, Bytes publicKey) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static String id(int n) {
        return String.format("%032x", n);
    }

    private PresignatureStore store() {
        return new PresignatureStore(dir, TEXT, 4, 8);
    }

    @Test
    void reserve_offersUnusedIdsLowestFirst_andNotTwiceUntilReleased() {
        PresignatureStore store = store();
        store.add(TOKEN, SET, id(3), text("{\"n\":3}"));
        store.add(TOKEN, SET, id(1), text("{\"n\":1}"));

        assertEquals(List.of(id(1), id(3)), store.reserve(TOKEN, SET, 8));
        assertEquals(List.of(), store.reserve(TOKEN, SET, 8));
        store.release(TOKEN, SET, List.of(id(3)));
        assertEquals(List.of(id(3)), store.reserve(TOKEN, SET, 8));
    }

    @Test
    void bind_writesTheBoundRecordAndDeletesTheSecret_ownerOnly() throws Exception {
        PresignatureStore store = store();
        store.add(TOKEN, SET, id(1), text("{\"n\":1}"));

        Presignature p = store.bind(TOKEN, SET, id(1), DIGEST);

        assertEquals("{\"n\":1}", p.exportSecretJson());
        Path folder = store.folder(TOKEN, SET);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                folder.resolve(BindJournal.FILE))));
        assertEquals(id(1) + " " + DIGEST.hex() + "\n", Files.readString(folder.resolve(BindJournal.FILE)));
        assertFalse(Files.exists(folder.resolve(id(1) + ".secret")));
        assertEquals(DIGEST, store.boundDigest(TOKEN, SET, id(1)).orElseThrow());
        assertEquals(0, store.unused(TOKEN, SET));
    }

    @Test
    void bind_secondDigestWithTheSamePresignature_refusedWithNodeNotAuthorized() {
        PresignatureStore store = store();
        store.add(TOKEN, SET, id(1), text("{}"));
        store.bind(TOKEN, SET, id(1), DIGEST);

        LitNodeException e = assertThrows(LitNodeException.class, () -> store.bind(TOKEN, SET, id(1), OTHER_DIGEST));

        assertEquals(LitErrorCode.NodeNotAuthorized, e.code());
        assertTrue(e.getMessage().contains("is bound to digest " + DIGEST.hex()), e::getMessage);
    }

    @Test
    void bind_afterARestart_theBoundPresignatureIsNeverOfferedOrBoundAgain() throws Exception {
        PresignatureStore before = store();
        before.add(TOKEN, SET, id(1), text("{}"));
        before.add(TOKEN, SET, id(2), text("{}"));
        before.bind(TOKEN, SET, id(1), DIGEST);
        // a crash between the bound record and the deletion leaves the secret beside its record
        Files.writeString(before.folder(TOKEN, SET).resolve(id(1) + ".secret"), "{}");

        PresignatureStore after = store();

        assertEquals(List.of(id(2)), after.reserve(TOKEN, SET, 8));
        assertFalse(Files.exists(after.folder(TOKEN, SET).resolve(id(1) + ".secret")));
        assertEquals(LitErrorCode.NodeNotAuthorized, assertThrows(LitNodeException.class,
                () -> after.bind(TOKEN, SET, id(1), OTHER_DIGEST)).code());
    }

    @Test
    void add_beyondThePerSetBound_replacesTheLowestUnreservedOne() {
        PresignatureStore store = store();
        for (int i = 0; i < 4; i++) {
            assertTrue(store.add(TOKEN, SET, id(i), text("{}")));
        }
        store.reserve(TOKEN, SET, 1);

        assertTrue(store.add(TOKEN, SET, id(9), text("{}")));

        assertFalse(Files.exists(store.folder(TOKEN, SET).resolve(id(1) + ".secret")));
        store.release(TOKEN, SET, List.of(id(0)));
        assertEquals(List.of(id(0), id(2), id(3), id(9)), store.reserve(TOKEN, SET, 8));
    }

    @Test
    void add_setFullAndEveryOneReserved_keepsNothing() {
        PresignatureStore store = store();
        for (int i = 0; i < 4; i++) {
            store.add(TOKEN, SET, id(i), text("{}"));
        }
        store.reserve(TOKEN, SET, 8);

        assertFalse(store.add(TOKEN, SET, id(9), text("{}")));
        assertFalse(Files.exists(store.folder(TOKEN, SET).resolve(id(9) + ".secret")));
    }

    @Test
    void add_beyondTheNodeBound_keepsNothing() {
        PresignatureStore store = new PresignatureStore(dir, TEXT, 2, 3);
        Participants other = new Participants(List.of(2, 3), 2);
        store.add(TOKEN, SET, id(1), text("{}"));
        store.add(TOKEN, SET, id(2), text("{}"));
        store.add(TOKEN, other, id(3), text("{}"));

        assertFalse(store.add(TOKEN, other, id(4), text("{}")));
    }

    @Test
    void bind_unknownId_refusedWithNodeNotAuthorized() {
        assertEquals(LitErrorCode.NodeNotAuthorized, assertThrows(LitNodeException.class,
                () -> store().bind(TOKEN, SET, id(7), DIGEST)).code());
    }

    @Test
    void bind_tornJournalTailHoldingAnId_thatPresignatureIsNeverHandedOut_andLaterBindsSurviveARestart()
            throws Exception {
        PresignatureStore before = store();
        before.add(TOKEN, SET, id(1), text("{}"));
        before.add(TOKEN, SET, id(2), text("{}"));
        before.add(TOKEN, SET, id(3), text("{}"));
        before.bind(TOKEN, SET, id(1), DIGEST);
        before.close();
        Path journal = before.folder(TOKEN, SET).resolve(BindJournal.FILE);
        // a crash in the middle of binding id(2): its line is torn after the id, its secret still there
        Files.writeString(journal, id(2) + " 0a0b", java.nio.file.StandardOpenOption.APPEND);

        PresignatureStore after = store();

        assertEquals(List.of(id(3)), after.reserve(TOKEN, SET, 8));
        assertFalse(Files.exists(after.folder(TOKEN, SET).resolve(id(2) + ".secret")));
        assertEquals(BindJournal.LINE, Files.size(journal), "the torn tail is cut back to the last whole line");
        after.release(TOKEN, SET, List.of(id(3)));
        after.bind(TOKEN, SET, id(3), OTHER_DIGEST);
        after.close();
        PresignatureStore third = store();
        assertEquals(DIGEST, third.boundDigest(TOKEN, SET, id(1)).orElseThrow());
        assertEquals(OTHER_DIGEST, third.boundDigest(TOKEN, SET, id(3)).orElseThrow());
        assertEquals(List.of(), third.reserve(TOKEN, SET, 8));
        assertFalse(third.add(TOKEN, SET, id(3), text("{}")), "a bound id is never kept again");
    }

    @Test
    void bind_tornJournalTailShorterThanAnId_isCutAndNamesNothing() throws Exception {
        PresignatureStore before = store();
        before.add(TOKEN, SET, id(1), text("{}"));
        before.close();
        Path journal = before.folder(TOKEN, SET).resolve(BindJournal.FILE);
        Files.writeString(journal, "00000000", java.nio.file.StandardOpenOption.APPEND);

        PresignatureStore after = store();

        assertEquals(List.of(id(1)), after.reserve(TOKEN, SET, 8));
        assertEquals(0, Files.size(journal));
    }

    @Test
    void reserve_journalWithAMalformedWholeLine_refusedWithNodeSystemFault_andNothingOffered() throws Exception {
        PresignatureStore before = store();
        before.add(TOKEN, SET, id(1), text("{}"));
        before.close();
        Files.writeString(before.folder(TOKEN, SET).resolve(BindJournal.FILE), "x".repeat(BindJournal.LINE));

        PresignatureStore after = store();

        assertEquals(LitErrorCode.NodeSystemFault, assertThrows(LitNodeException.class,
                () -> after.reserve(TOKEN, SET, 8)).code());
        assertEquals(LitErrorCode.NodeSystemFault, assertThrows(LitNodeException.class,
                () -> after.bind(TOKEN, SET, id(1), DIGEST)).code());
    }

    @Test
    void reserve_boundRecordOfTheEarlierLayout_isHonoured() throws Exception {
        PresignatureStore before = store();
        before.add(TOKEN, SET, id(1), text("{}"));
        before.add(TOKEN, SET, id(2), text("{}"));
        before.close();
        Path legacy = before.folder(TOKEN, SET).resolve(id(1) + ".bound");
        Files.writeString(legacy, "{\"id\":\"" + id(1) + "\",\"digest\":\"" + DIGEST.hex() + "\"}");
        Files.setPosixFilePermissions(legacy, PosixFilePermissions.fromString("rw-------"));

        PresignatureStore after = store();

        assertEquals(List.of(id(2)), after.reserve(TOKEN, SET, 8));
        assertEquals(DIGEST, after.boundDigest(TOKEN, SET, id(1)).orElseThrow());
        assertEquals(LitErrorCode.NodeNotAuthorized, assertThrows(LitNodeException.class,
                () -> after.bind(TOKEN, SET, id(1), OTHER_DIGEST)).code());
    }

    @Test
    void bind_presignatureAddedSinceTheStoreOpened_isHandedOutFromMemory_afterARestartFromItsFile() throws Exception {
        PresignatureStore store = store();
        store.add(TOKEN, SET, id(1), text("{\"n\":1}"));
        store.add(TOKEN, SET, id(2), text("{\"n\":2}"));
        Files.writeString(store.folder(TOKEN, SET).resolve(id(1) + ".secret"), "{\"n\":\"on disk\"}");
        Files.writeString(store.folder(TOKEN, SET).resolve(id(2) + ".secret"), "{\"n\":\"on disk\"}");

        assertEquals("{\"n\":1}", store.bind(TOKEN, SET, id(1), DIGEST).exportSecretJson());
        store.close();
        PresignatureStore reopened = store();

        assertEquals("{\"n\":\"on disk\"}", reopened.bind(TOKEN, SET, id(2), OTHER_DIGEST).exportSecretJson());
    }

    @Test
    void close_laterAddsWriteNothing_andBindsAreRefusedWithNodeSystemFault() throws Exception {
        PresignatureStore store = store();
        store.add(TOKEN, SET, id(1), text("{}"));
        store.close();
        Path other = store.folder(TOKEN, new Participants(List.of(1, 2), 2));

        assertFalse(store.add(TOKEN, new Participants(List.of(1, 2), 2), id(2), text("{}")));
        assertFalse(Files.exists(other), "a closed store creates no folder");
        assertEquals(LitErrorCode.NodeSystemFault, assertThrows(LitNodeException.class,
                () -> store.bind(TOKEN, SET, id(1), DIGEST)).code());
        assertEquals(List.of(id(1)), store().reserve(TOKEN, SET, 8), "a new store opens the folder again");
    }
}
