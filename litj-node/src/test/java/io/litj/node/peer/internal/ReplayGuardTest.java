package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The replay memory: refuses copies, forgets stale entries, stays bounded without reopening a window. */
class ReplayGuardTest {
    @Test
    void firstSight_sameSenderAndNonceTwice_secondRefused() {
        ReplayGuard guard = new ReplayGuard(120_000, 10);

        assertTrue(guard.firstSight(1, "aa", 1_000, 1_000));
        assertFalse(guard.firstSight(1, "aa", 1_000, 1_001));
        assertTrue(guard.firstSight(2, "aa", 1_000, 1_001));
    }

    @Test
    void firstSight_entriesOlderThanTheWindow_areForgotten() {
        ReplayGuard guard = new ReplayGuard(120_000, 10);
        guard.firstSight(1, "aa", 1_000, 1_000);

        guard.firstSight(1, "bb", 200_000, 200_000);

        assertEquals(1, guard.size());
    }

    @Test
    void firstSight_full_evictsTheOldestAndRefusesEverythingAsOldAsIt() {
        ReplayGuard guard = new ReplayGuard(120_000, 2);
        guard.firstSight(1, "aa", 1_000, 1_000);
        guard.firstSight(1, "bb", 2_000, 2_000);

        assertTrue(guard.firstSight(1, "cc", 3_000, 3_000));

        assertEquals(2, guard.size());
        assertFalse(guard.firstSight(1, "aa", 1_000, 3_000), "an evicted nonce must not become usable again");
        assertFalse(guard.firstSight(1, "dd", 1_000, 3_000));
        assertTrue(guard.firstSight(1, "ee", 3_500, 3_500));
    }
}
