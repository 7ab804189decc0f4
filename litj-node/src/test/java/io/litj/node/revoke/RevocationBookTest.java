package io.litj.node.revoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.PkpOwners;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.auth.SignedRevocation;
import io.litj.protocol.testing.TestSessions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's durable revocation book: kept across reopen, dropped once the grant expires, never forged by the file. */
class RevocationBookTest {
    private static final Instant NOW = TestSessions.NOW;
    private static final String KEY = TestSessions.SESSION_KEY.publicKeyHex();

    @TempDir
    Path dir;

    private static String grant(Duration lifetime) {
        return AuthSigs.generate(TestSessions.WALLET, TestSessions.grantSiwe().expiration(NOW.plus(lifetime)).build())
                .signedMessage();
    }

    private static SignedRevocation revocation(String grant) {
        return SignedRevocation.sign(grant, Optional.empty(), TestSessions.WALLET, NOW);
    }

    @Test
    void added_isFound_andKeptAcrossReopen_untilTheGrantExpires() {
        String grant = grant(Duration.ofHours(2));
        try (RevocationBook book = RevocationBook.open(dir, NOW)) {
            assertTrue(book.add(revocation(grant), NOW).isNew());
            assertFalse(book.add(revocation(grant), NOW).isNew(), "the same revocation twice changes nothing");
        }
        try (RevocationBook book = RevocationBook.open(dir, NOW.plusSeconds(60))) {
            assertEquals(1, book.size());
            assertTrue(book.find(SessionRevocation.grantDigest(grant), KEY, NOW.plusSeconds(60)).isPresent());
            assertTrue(book.find(SessionRevocation.grantDigest(grant(Duration.ofHours(3))), KEY, NOW).isEmpty());
        }
        try (RevocationBook book = RevocationBook.open(dir, NOW.plus(Duration.ofHours(2)).plusSeconds(2))) {
            assertEquals(0, book.size(), "pruned once the grant expired");
        }
    }

    @Test
    void ownersRevocation_isKeptAcrossReopen_whileTheRegistryIsDown_andDroppedOnceThePkpHasAnotherOwner() {
        // the grant's address plays the PKP: its owner is OTHER_WALLET
        String grant = grant(Duration.ofHours(2));
        SignedRevocation byOwner = SignedRevocation.signAsPkpOwner(grant, Optional.empty(), TestSessions.OTHER_WALLET,
                NOW);
        PkpOwners owned = pkp -> pkp.equals(TestSessions.WALLET.address())
                ? Optional.of(TestSessions.OTHER_WALLET.address()) : Optional.empty();
        try (RevocationBook book = RevocationBook.open(dir, NOW)) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> book.add(byOwner, NOW));
            assertEquals(LitErrorCode.NodeRevocationNotGranter, e.code(), "a book without a registry knows no owner");
        }
        try (RevocationBook book = RevocationBook.open(dir, NOW, owned)) {
            assertTrue(book.add(byOwner, NOW).isNew());
        }
        PkpOwners down = pkp -> {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "registry chain: no answer");
        };
        try (RevocationBook book = RevocationBook.open(dir, NOW, down)) {
            assertEquals(1, book.size(), "kept on the strength of its check on arrival");
        }
        PkpOwners transferred = pkp -> Optional.of(io.litj.protocol.crypto.EthAddress.parse("0x000000000000000000000000000000000000dEaD", "other owner"));
        try (RevocationBook book = RevocationBook.open(dir, NOW, transferred)) {
            assertEquals(0, book.size(), "the PKP has another owner now");
        }
    }

    @Test
    void refusedRevocation_isNotKept() {
        String grant = grant(Duration.ofHours(2));
        SignedRevocation good = revocation(grant);
        try (RevocationBook book = RevocationBook.open(dir, NOW)) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> book.add(new SignedRevocation(grant,
                    good.revocation(), TestSessions.OTHER_WALLET.signPersonalMessage(good.revocation()).toHex()), NOW));
            assertEquals(LitErrorCode.NodeRevocationNotGranter, e.code());
            assertEquals(0, book.size());
            assertTrue(book.find(SessionRevocation.grantDigest(grant), KEY, NOW).isEmpty());
        }
    }

    @Test
    void aRowAlteredOnDisk_isNotBelievedAtOpen() throws Exception {
        String grant = grant(Duration.ofHours(2));
        try (RevocationBook book = RevocationBook.open(dir, NOW)) {
            book.add(revocation(grant), NOW);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RevocationBook.FILE_NAME));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE revocations SET sig = '0x" + "11".repeat(65) + "'");
        }
        try (RevocationBook book = RevocationBook.open(dir, NOW)) {
            assertEquals(0, book.size());
        }
    }

    @Test
    void page_listsInArrivalOrder_fromTheCursor() {
        try (RevocationBook book = RevocationBook.open(dir, NOW)) {
            for (int i = 1; i <= 5; i++) {
                book.add(revocation(grant(Duration.ofHours(i))), NOW);
            }
            var first = book.page(0, 2);
            assertEquals(2, first.size());
            var rest = book.page(first.get(1).id(), 10);
            assertEquals(3, rest.size());
            assertTrue(first.get(1).id() < rest.get(0).id());
        }
    }
}
