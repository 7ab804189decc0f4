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

    @Test
    void awaitQuiet_requestEndedWithinTheSettleTime_waitsUntilMax() {
        RefillGate gate = new RefillGate(Duration.ofDays(1));
        gate.enter();
        gate.exit();
        long start = System.nanoTime();

        assertTrue(gate.awaitQuiet(Duration.ofMillis(50)));

        assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos(), "returned before max");
    }

    @Test
    void awaitQuiet_noRequestEver_doesNotWaitForTheSettleTime() {
        assertTrue(new RefillGate(Duration.ofDays(1)).awaitQuiet(Duration.ofDays(1)));
    }
}
