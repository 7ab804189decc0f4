package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.ecdsa.triples.TripleBatchGeneration;
import org.junit.jupiter.api.Test;

/** The node's refill batch fits a run's payload limit for every threshold, and one presignature more would not. */
class RefillBatchSizeTest {
    @Test
    void refillBatch_everyThreshold_fitsTheRunPayloadLimit() {
        for (int t = 1; t <= DkgConfig.MAX_PARTIES; t++) {
            int largest = TripleBatchGeneration.maxMessageBytes(t, 2 * PresignMaker.MAX_BATCH);
            assertTrue(largest <= RunTransport.MAX_PAYLOAD_BYTES, "threshold " + t + ": " + largest);
        }
    }

    @Test
    void refillBatch_onePresignatureMore_exceedsTheLimit() {
        int larger = TripleBatchGeneration.maxMessageBytes(2, 2 * (PresignMaker.MAX_BATCH + 1));
        assertTrue(larger > RunTransport.MAX_PAYLOAD_BYTES, "limit " + RunTransport.MAX_PAYLOAD_BYTES);
    }
}
