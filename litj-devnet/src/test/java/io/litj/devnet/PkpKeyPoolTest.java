package io.litj.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The refiller on its own, with an in-memory pool and key maker: it fills to the target and stops there, refills what
 * is taken, backs off after failures and recovers, refuses targets out of range, makes a key at once for
 * {@code ensureKey} on an empty pool, and stops its thread on close.
 */
class PkpKeyPoolTest {
    /** Waits are generous (a slow shared box) and bounded in time; none decides a result by timing out early. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final PkpKeyPool.Backoff QUICK = new PkpKeyPool.Backoff(Duration.ofMillis(1), Duration.ofMillis(4));

    /** A pool on "chain": routed keys in order, and how many were taken. */
    private static final class FakeChain implements PkpKeyPool.Chain {
        final List<byte[]> routed = new ArrayList<>();
        int taken;

        @Override
        public synchronized long poolSize() {
            return routed.size() - taken;
        }

        @Override
        public synchronized void route(byte[] publicKey) {
            routed.add(publicKey);
        }

        synchronized void take(int n) {
            taken = Math.min(routed.size(), taken + n);
        }

        synchronized int routedCount() {
            return routed.size();
        }
    }

    private static class Keys implements java.util.function.Supplier<byte[]> {
        final AtomicInteger calls = new AtomicInteger();
        volatile int failFirst;

        @Override
        public byte[] get() {
            int n = calls.incrementAndGet();
            if (n <= failFirst) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "nodes down (try " + n + ")");
            }
            return new byte[] {(byte) (n >> 8), (byte) n};
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int i = 0; i < 60_000 && System.nanoTime() < deadline; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("not within " + PATIENCE + ": " + what);
    }

    @Test
    void fill_makesKeysUpToTheTargetInTheCallersThread_andNoneWhenFull() {
        FakeChain chain = new FakeChain();
        Keys keys = new Keys();
        chain.route(new byte[] {-1});
        try (PkpKeyPool pool = PkpKeyPool.idle(keys, chain, 3)) {
            assertEquals(2, pool.fill(), "one key was already pooled");
            assertEquals(3, chain.poolSize());
            assertEquals(0, pool.fill());
            chain.take(2);
            assertEquals(2, pool.fill());
            assertEquals(4, keys.calls.get());
            assertEquals(4, pool.made());
        }
    }

    @Test
    void fill_stopsAtTheFirstFailure_keepingWhatWasRouted() {
        FakeChain chain = new FakeChain();
        Keys keys = new Keys() {
            @Override
            public byte[] get() {
                if (calls.get() == 1) {
                    calls.incrementAndGet();
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "a node left");
                }
                return super.get();
            }
        };
        try (PkpKeyPool pool = PkpKeyPool.idle(keys, chain, 4)) {
            LitNodeException e = assertThrows(LitNodeException.class, pool::fill);
            assertEquals(LitErrorCode.NodeSystemFault, e.code());
            assertEquals(1, chain.routedCount());
        }
    }

    @Test
    void fillsToTheTarget_refillsWhatIsTaken_andNeverRoutesOneKeyTwice() throws Exception {
        FakeChain chain = new FakeChain();
        Keys keys = new Keys();
        try (PkpKeyPool pool = PkpKeyPool.start(keys, chain, 3, QUICK)) {
            await("pool full", () -> chain.poolSize() == 3);
            assertEquals(3, pool.made());
            chain.take(2);
            await("pool refilled", () -> chain.poolSize() == 3);
            assertEquals(5, pool.made());
            assertEquals(5, chain.routedCount());
            assertEquals(0, pool.failed());
        }
        HashSet<String> distinct = new HashSet<>();
        chain.routed.forEach(k -> distinct.add(java.util.HexFormat.of().formatHex(k)));
        assertEquals(chain.routed.size(), distinct.size());
    }

    @Test
    void failures_areRetriedAfterABackOff_andTheFillGoesOn() throws Exception {
        FakeChain chain = new FakeChain();
        Keys keys = new Keys();
        keys.failFirst = 3;
        try (PkpKeyPool pool = PkpKeyPool.start(keys, chain, 2, QUICK)) {
            await("pool full after failures", () -> chain.poolSize() == 2);
            assertEquals(3, pool.failed());
            assertEquals(2, pool.made());
        }
    }

    @Test
    void backoff_doublesFromFirst_andStopsAtMax() {
        PkpKeyPool.Backoff b = new PkpKeyPool.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(1), b.after(1));
        assertEquals(Duration.ofSeconds(2), b.after(2));
        assertEquals(Duration.ofSeconds(32), b.after(6));
        assertEquals(Duration.ofSeconds(60), b.after(7));
        assertEquals(Duration.ofSeconds(60), b.after(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new PkpKeyPool.Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new PkpKeyPool.Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void aTargetOutOfRange_isRefusedWithInvalidArgument_andStartsNothing() {
        Keys keys = new Keys();
        for (int bad : new int[] {-1, PkpKeyPool.MAX_TARGET + 1}) {
            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> PkpKeyPool.start(keys, new FakeChain(), bad, QUICK));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("not " + bad), e.getMessage());
        }
        assertEquals(0, keys.calls.get());
    }

    @Test
    void ensureKey_onAnEmptyPool_makesOneAtOnce_evenWithTargetZero() {
        FakeChain chain = new FakeChain();
        Keys keys = new Keys();
        try (PkpKeyPool pool = PkpKeyPool.start(keys, chain, 0, QUICK)) {
            pool.ensureKey();
            assertEquals(1, chain.poolSize());
            pool.ensureKey(); // not empty: nothing made
            assertEquals(1, chain.routedCount());
            assertEquals(1, pool.made());
        }
    }

    @Test
    void close_stopsTheThread_andEnsureKeyIsRefusedAfterwards() throws Exception {
        FakeChain chain = new FakeChain();
        Keys keys = new Keys();
        PkpKeyPool pool = PkpKeyPool.start(keys, chain, 2, QUICK);
        await("pool full", () -> chain.poolSize() == 2);
        pool.close();
        int callsAtClose = keys.calls.get();
        chain.take(2);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("litj-pkp-key-pool")
                && t.isAlive()), "the refiller thread still runs");
        assertEquals(callsAtClose, keys.calls.get());
        LitNodeException e = assertThrows(LitNodeException.class, pool::ensureKey);
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
    }
}
