package io.litj.threshold.ecdsa.triples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A batch is several independent valid triples from one run; its size and the other arguments are bounded. */
class TripleBatchGenerationTest {
    private static final Participants SET = new Participants(List.of(1, 2, 3), 2);

    static Map<Integer, TripleBatchGeneration> parties(Participants p, int count, long seed) {
        Map<Integer, TripleBatchGeneration> out = new TreeMap<>();
        for (int i : p.indices()) {
            out.put(i, new TripleBatchGeneration(p, i, TripleGenerationTest.SID, count, new SeededRandom(seed + i)));
        }
        return out;
    }

    @Test
    void run_batchOfFive_makesFiveIndependentTriples() {
        Map<Integer, List<TripleShare>> out = LocalProtocolRunner.runOrThrow(parties(SET, 5, 40));
        for (int m = 0; m < 5; m++) {
            List<TripleShare> shares = new ArrayList<>();
            for (int i : SET.indices()) {
                assertEquals(5, out.get(i).size());
                shares.add(out.get(i).get(m));
            }
            TripleGenerationTest.assertValidTriple(SET, shares);
            if (m > 0) {
                assertNotEquals(out.get(1).get(m - 1).bigC(), out.get(1).get(m).bigC());
                assertNotEquals(out.get(1).get(m - 1).bigA(), out.get(1).get(m).bigA());
            }
        }
    }

    @Test
    void run_batchOfTwoAmongFourWithThresholdFour_makesValidTriples() {
        Participants p = new Participants(List.of(1, 2, 3, 4), 4);
        Map<Integer, List<TripleShare>> out = LocalProtocolRunner.runOrThrow(parties(p, 2, 50));
        for (int m = 0; m < 2; m++) {
            List<TripleShare> shares = new ArrayList<>();
            for (int i : p.indices()) {
                shares.add(out.get(i).get(m));
            }
            TripleGenerationTest.assertValidTriple(p, shares);
        }
    }

    @Test
    void constructor_countOutsideOneTo64_isRefused() {
        for (int count : new int[] {0, -1, TripleBatchGeneration.MAX_COUNT + 1}) {
            ThresholdException e = assertThrows(ThresholdException.class,
                    () -> new TripleBatchGeneration(SET, 1, TripleGenerationTest.SID, count, new SeededRandom(1)));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertEquals("triple count must be in 1..64 but is " + count, e.getMessage());
        }
        assertEquals(64, TripleBatchGeneration.MAX_COUNT);
    }

    @Test
    void constructor_selfOutsideTheSetOrBadSessionId_isRefused() {
        ThresholdException self = assertThrows(ThresholdException.class,
                () -> new TripleGeneration(SET, 4, TripleGenerationTest.SID, new SeededRandom(1)));
        assertEquals(LitErrorCode.InvalidArgument, self.code());
        assertEquals("party 4 is not among [1, 2, 3]", self.getMessage());
        for (byte[] sid : new byte[][] {new byte[0], new byte[257]}) {
            ThresholdException e = assertThrows(ThresholdException.class,
                    () -> new TripleGeneration(SET, 1, sid, new SeededRandom(1)));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertEquals("session id must be 1..256 bytes but is " + sid.length, e.getMessage());
        }
    }

    @Test
    void run_differentSessionIds_doNotMix() {
        Map<Integer, TripleGeneration> mixed = new TreeMap<>();
        for (int i : SET.indices()) {
            byte[] sid = i == 3 ? new byte[] {9} : TripleGenerationTest.SID;
            mixed.put(i, new TripleGeneration(SET, i, sid, new SeededRandom(i)));
        }
        LocalProtocolRunner.Outcome<TripleShare> outcome = LocalProtocolRunner.run(mixed);
        assertEquals(Map.of(), outcome.outputs());
        assertEquals(3, outcome.failures().size());
    }
}
