package io.litj.node.keys;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.dkg.DkgResult;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.testing.LocalDkgRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's key share files: written owner-only, read back and checked, seen by other stores, never printed. */
class KeyShareStoreTest {
    private static final Map<Integer, DkgResult> BLS = LocalDkgRunner.of(new DkgConfig(Group.BLS12_381_G1, 3, 2), 7)
            .run().results();
    private static final Map<Integer, DkgResult> SECP = LocalDkgRunner.of(new DkgConfig(Group.SECP256K1, 3, 2), 8)
            .run().results();

    @TempDir
    Path data;

    private static RootKeyShare root(int party) {
        DkgResult r = BLS.get(party);
        return RootKeyShare.of(3, BlsSecretKeyShare.of(r.secretShare()), r.verificationCommitments());
    }

    private static PkpKeyShare pkp(int party) {
        DkgResult r = SECP.get(party);
        return PkpKeyShare.of(r.secretShare(), r.verificationCommitments());
    }

    @Test
    void saveRoot_thenOpen_loadsTheSameCheckedShareFromAnOwnerOnlyFile() throws IOException {
        KeyShareStore.open(data).saveRoot(root(2));

        KeyShareStore again = KeyShareStore.open(data);

        Path file = data.resolve("keys").resolve("bls-root.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        RootKeyShare loaded = again.root().orElseThrow();
        assertEquals(3, loaded.epoch());
        assertEquals(2, loaded.identifier());
        assertTrue(loaded.share().sameSecretAs(root(2).share()));
        assertEquals(BLS.get(2).groupPublicKey().toBytes().hex(), again.rootPublicKey().orElseThrow().toHex());
        assertEquals(BLS.get(1).verificationCommitments(), loaded.commitments());
    }

    @Test
    void saveRoot_byAnotherStore_isSeenWithoutReopening() {
        KeyShareStore early = KeyShareStore.open(data);
        assertTrue(early.rootShare().isEmpty());

        KeyShareStore.open(data).saveRoot(root(1));

        assertEquals(1, early.rootShare().orElseThrow().identifier());
    }

    @Test
    void saveRoot_sameEpochAgain_refusedWithInvalidArgument() {
        KeyShareStore store = KeyShareStore.open(data);
        store.saveRoot(root(1));

        LitNodeException e = assertThrows(LitNodeException.class, () -> store.saveRoot(root(1)));

        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void savePkp_thenLookups_findItByTokenIdInAnyCaseAndFromOtherStores() {
        KeyShareStore early = KeyShareStore.open(data);
        PkpKeyShare share = pkp(3);

        KeyShareStore.open(data).savePkp(share);

        assertEquals(Pkp.tokenIdOf(share.publicKey().toByteArray()), share.tokenId());
        assertEquals(65, share.publicKey().size());
        assertEquals(List.of(share.tokenId()), early.pkpTokenIds());
        PkpKeyShare found = early.pkpShare(share.tokenId().toUpperCase(Locale.ROOT)).orElseThrow();
        assertTrue(found.share().sameSecretAs(share.share()));
        assertDoesNotThrow(() -> found.commitments().verify(found.share()));
        assertTrue(KeyShareStore.open(data).pkpShare(share.tokenId()).isPresent());
        assertTrue(early.pkpShare("00".repeat(32)).isEmpty());
        assertTrue(early.pkpShare("not hex").isEmpty());
    }

    @Test
    void open_fileWithAnotherShareValue_refusedWithNodeSystemFault() throws IOException {
        KeyShareStore.open(data).saveRoot(root(1));
        Path file = data.resolve("keys").resolve("bls-root.json");
        String other = Hex.encode(root(2).share().exportSecret());
        String text = Files.readString(file).replaceAll("\"secretShare\":\"[0-9a-f]{64}\"",
                "\"secretShare\":\"" + other + "\"");
        SecretFiles.write(file, text);

        LitNodeException e = assertThrows(LitNodeException.class, () -> KeyShareStore.open(data));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().contains("bls-root.json is unusable"), e.getMessage());
    }

    @Test
    void rootKeyShareOf_shareOfAnotherKey_refusedWithInvalidArgument() {
        DkgResult other = LocalDkgRunner.of(new DkgConfig(Group.BLS12_381_G1, 3, 2), 99).run().results().get(1);

        LitNodeException e = assertThrows(LitNodeException.class, () -> RootKeyShare.of(1,
                BlsSecretKeyShare.of(other.secretShare()), BLS.get(1).verificationCommitments()));

        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("does not match the commitments"), e.getMessage());
    }

    @Test
    void pkpKeyShareOf_blsShare_refusedWithInvalidArgument() {
        LitNodeException e = assertThrows(LitNodeException.class, () -> PkpKeyShare.of(BLS.get(1).secretShare(),
                BLS.get(1).verificationCommitments()));

        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void toString_ofSharesAndStoreFormattedOrInAnException_neverShowsASecret() {
        KeyShareStore store = KeyShareStore.open(data);
        store.saveRoot(root(1));
        store.savePkp(pkp(1));
        String text = store + " " + store.root().orElseThrow() + " " + store.pkpShare(pkp(1).tokenId()).orElseThrow()
                + " " + store.rootShare().orElseThrow() + " " + String.format("%s %s", root(1), pkp(1)) + " "
                + new LitNodeException(LitErrorCode.NodeSystemFault, "failed on " + root(1) + pkp(1)).getMessage();

        for (String secret : List.of(Hex.encode(root(1).share().exportSecret()),
                Hex.encode(pkp(1).share().value().exportSecret()))) {
            assertFalse(text.contains(secret), text);
            assertFalse(text.contains(secret.substring(0, 16)), text);
        }
        assertTrue(text.contains(pkp(1).tokenId()), text);
    }
}
