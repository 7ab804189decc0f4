package io.litj.node.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.litj.protocol.crypto.Bytes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable count of a delegation's uses: per key and grant, across a reopen, never past the limit. */
class UsesLedgerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Bytes KEY = Bytes.of(new byte[32]);
    private static final Bytes OTHER = Bytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @TempDir
    Path dir;

    @Test
    void useIf_countsUpToTheLimit_perKeyAndGrant_andSurvivesReopen() {
        Instant until = NOW.plusSeconds(3600);
        try (UsesLedger ledger = UsesLedger.open(dir, NOW)) {
            assertEquals(UsesLedger.Outcome.USED, ledger.useIf(KEY, 0, 2, until, NOW, () -> true));
            assertEquals(UsesLedger.Outcome.USED, ledger.useIf(KEY, 0, 2, until, NOW, () -> true));
            assertEquals(UsesLedger.Outcome.USED, ledger.useIf(KEY, 1, 2, until, NOW, () -> true));
            assertEquals(UsesLedger.Outcome.USED, ledger.useIf(OTHER, 0, 2, until, NOW, () -> true));
        }
        try (UsesLedger reopened = UsesLedger.open(dir, NOW)) {
            AtomicBoolean charged = new AtomicBoolean();
            assertEquals(UsesLedger.Outcome.USED_UP, reopened.useIf(KEY, 0, 2, until, NOW, () -> charged.getAndSet(true)));
            assertFalse(charged.get(), "a spent delegation charges nothing");
            assertEquals(2, reopened.used(KEY, 0));
            assertEquals(1, reopened.used(KEY, 1));
            assertEquals(1, reopened.used(OTHER, 0));
        }
    }

    @Test
    void useIf_chargeFails_countsNothing() {
        try (UsesLedger ledger = UsesLedger.open(dir, NOW)) {
            assertEquals(UsesLedger.Outcome.NOT_CHARGED, ledger.useIf(KEY, 0, 1, NOW.plusSeconds(60), NOW,
                    () -> false));
            assertEquals(0, ledger.used(KEY, 0));
        }
    }

    @Test
    void open_dropsRowsOfExpiredDelegations() throws Exception {
        try (UsesLedger ledger = UsesLedger.open(dir, NOW)) {
            ledger.useIf(KEY, 0, 5, NOW.plusSeconds(10), NOW, () -> true);
            ledger.useIf(OTHER, 0, 5, NOW.plusSeconds(1000), NOW, () -> true);
            assertEquals(2, ledger.rows());
        }
        try (UsesLedger later = UsesLedger.open(dir, NOW.plusSeconds(20))) {
            assertEquals(1, later.rows());
            assertEquals(1, later.used(OTHER, 0));
        }
    }
}
