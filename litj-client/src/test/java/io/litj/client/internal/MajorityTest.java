package io.litj.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MajorityTest {
    @Test
    void mostCommon_clearWinner_isChosen() {
        assertEquals(Optional.of("a"), Majority.mostCommon(List.of("b", "a", "a")));
    }

    @Test
    void mostCommon_tie_goesToFirstSeen() {
        assertEquals(Optional.of("b"), Majority.mostCommon(List.of("b", "a", "a", "b")));
    }

    @Test
    void leastCommon_oddOneOut_isChosen() {
        assertEquals(Optional.of("b"), Majority.leastCommon(List.of("a", "b", "a")));
    }

    @Test
    void leastCommon_allDifferent_goesToFirstSeen() {
        assertEquals(Optional.of("x"), Majority.leastCommon(List.of("x", "y", "z")));
    }

    @Test
    void mostCommon_empty_isEmpty() {
        assertEquals(Optional.empty(), Majority.mostCommon(List.of()));
    }
}
