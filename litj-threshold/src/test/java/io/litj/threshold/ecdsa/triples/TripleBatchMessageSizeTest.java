package io.litj.threshold.ecdsa.triples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TripleBatchGeneration#maxMessageBytes} is the exact size of the largest message a batch sends. */
class TripleBatchMessageSizeTest {
    @Test
    void maxMessageBytes_batchOfFourAmongTwo_isTheLargestMessageSent() {
        Participants set = new Participants(List.of(1, 2), 2);
        Map<Integer, TripleBatchGeneration> parties = TripleBatchGenerationTest.parties(set, 4, 70);
        Deque<ProtocolMessage> queue = new ArrayDeque<>();
        parties.values().forEach(p -> queue.addAll(p.start()));
        int largest = 0;
        int bound = 0;
        while (!queue.isEmpty()) {
            ProtocolMessage m = queue.poll();
            largest = Math.max(largest, m.payload().length);
            for (Map.Entry<Integer, TripleBatchGeneration> e : parties.entrySet()) {
                if (e.getKey() != m.from() && (m.isBroadcast() || m.to() == e.getKey())) {
                    queue.addAll(e.getValue().receive(m.from(), m.payload()));
                }
            }
            bound++;
            assertTrue(bound < 1000, "the run does not end");
        }
        parties.values().forEach(p -> assertTrue(p.output().isPresent()));
        assertEquals(TripleBatchGeneration.maxMessageBytes(2, 4), largest);
        assertEquals(4 * 49_152 + 1, largest);
    }

    @Test
    void maxMessageBytes_countOrThresholdOutOfRange_isRefused() {
        for (int[] bad : new int[][] {{2, 0}, {2, 65}, {0, 4}}) {
            ThresholdException e = assertThrows(ThresholdException.class,
                    () -> TripleBatchGeneration.maxMessageBytes(bad[0], bad[1]));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
        }
    }
}
