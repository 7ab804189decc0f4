package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RefillGateTest {
    @Test
    void awaitQuiet_noRequest_returnsAtOnce() {
        assertTrue(new RefillGate().awaitQuiet(Duration.ofDays(1)));
    }

    @Test
    void awaitQuiet_requestInProgress_returnsOnceItExits() throws Exception {
        RefillGate gate = new RefillGate();
        gate.enter();
        CountDownLatch done = new CountDownLatch(1);
        Thread refill = Thread.ofVirtual().start(() -> {
            gate.awaitQuiet(Duration.ofDays(1));
            done.countDown();
        });
        gate.exit();
        done.await();
        refill.join();
    }

    @Test
    void awaitQuiet_requestNeverEnds_givesUpAfterMax() {
        RefillGate gate = new RefillGate();
        gate.enter();
        assertTrue(gate.awaitQuiet(Duration.ZERO));
    }
}
