package io.litj.devnet.chain;

import io.litj.protocol.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockProducerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.750Z");

    @TempDir
    Path dir;

    /** A "random" source that always yields the byte {@code fill}, so hashes can be recomputed. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte fill;

        FixedRandom(int fill) {
            this.fill = (byte) fill;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, fill);
        }
    }

    private static String expectedHash(byte[] previous, long number, long seconds, int fill) {
        byte[] salt = new byte[32];
        Arrays.fill(salt, (byte) fill);
        ByteBuffer b = ByteBuffer.allocate(80).put(previous).putLong(number).putLong(seconds).put(salt);
        return "0x" + Hex.encode(Hashes.keccak256(b.array()));
    }

    @Test
    void appendGenesis_emptyRegistry_appendsBlockZeroOverZeroHash() {
        try (SqliteRegistryWriter r = TestRegistryFiles.create(dir, 3)) {
            Block genesis = BlockProducer.appendGenesis(r, new MutableClock(T0), new FixedRandom(0x42));
            assertEquals(0, genesis.number());
            assertEquals(Instant.parse("2026-03-01T12:00:00Z"), genesis.timestamp(), "truncated to seconds");
            assertEquals(expectedHash(new byte[32], 0, T0.getEpochSecond(), 0x42), genesis.hash());
            assertEquals(Optional.of(genesis), r.latestBlock());
        }
    }

    @Test
    void appendGenesis_registryWithBlocks_refused() {
        try (SqliteRegistryWriter r = TestRegistryFiles.create(dir, 3)) {
            BlockProducer.appendGenesis(r, new MutableClock(T0), new SecureRandom());
            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> BlockProducer.appendGenesis(r, new MutableClock(T0), new SecureRandom()));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
        }
    }

    @Test
    void produceNext_chainsHashesAndReadsTheClock() {
        MutableClock clock = new MutableClock(T0);
        try (SqliteRegistryWriter r = TestRegistryFiles.create(dir, 3);
             BlockProducer producer = BlockProducer.builder(r).clock(clock).random(new FixedRandom(7)).build()) {
            Block genesis = BlockProducer.appendGenesis(r, clock, new FixedRandom(7));
            clock.advance(Duration.ofMillis(2300));
            Block one = producer.produceNext();
            assertEquals(1, one.number());
            assertEquals(T0.getEpochSecond() + 3, one.timestamp().getEpochSecond(), "12:00:03.050 truncated");
            assertEquals(0, one.timestamp().getNano());
            assertEquals(expectedHash(Hex.decode(genesis.hash().substring(2), "h"), 1, T0.getEpochSecond() + 3, 7),
                    one.hash());
            clock.advance(Duration.ofSeconds(2));
            Block two = producer.produceNext();
            assertEquals(expectedHash(Hex.decode(one.hash().substring(2), "h"), 2, T0.getEpochSecond() + 5, 7),
                    two.hash());
            assertEquals(Optional.of(two), r.latestBlock());
        }
    }

    @Test
    void produceNext_withoutGenesis_throwsNodeSystemFault() {
        try (SqliteRegistryWriter r = TestRegistryFiles.create(dir, 3);
             BlockProducer producer = BlockProducer.builder(r).build()) {
            LitNodeException e = assertThrows(LitNodeException.class, producer::produceNext);
            assertEquals(LitErrorCode.NodeSystemFault, e.code());
            assertEquals("registry " + r.file() + " holds no block yet", e.getMessage());
        }
    }

    @Test
    void produceNext_everyThirtiethBlock_prunesBlocksOlderThanTheRetention() {
        MutableClock clock = new MutableClock(T0);
        try (SqliteRegistryWriter r = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(r.file());
             BlockProducer producer = BlockProducer.builder(r).clock(clock).retention(Duration.ofMinutes(1))
                     .build()) {
            BlockProducer.appendGenesis(r, clock, new SecureRandom());
            for (int i = 1; i < BlockProducer.PRUNE_EVERY; i++) {
                clock.advance(Duration.ofSeconds(10));
                producer.produceNext();
            }
            assertTrue(reader.block(0).isPresent(), "nothing pruned before block 30");
            clock.advance(Duration.ofSeconds(10));
            Block thirty = producer.produceNext();
            assertEquals(30, thirty.number());
            // block i has timestamp T0 + 10 i s (truncated); the cutoff is block 30's time minus 60 s = block 24's
            assertEquals(Optional.empty(), reader.block(23));
            assertTrue(reader.block(24).isPresent());
            assertEquals(Optional.of(thirty), r.latestBlock());
        }
    }

    @Test
    void start_producesBlocksOnItsOwnSchedule_untilClosed() throws Exception {
        try (SqliteRegistryWriter w = TestRegistryFiles.create(dir, 3);
             SqliteRegistry r = SqliteRegistry.open(w.file())) {
            BlockProducer.appendGenesis(w, java.time.Clock.systemUTC(), new SecureRandom());
            BlockProducer producer = BlockProducer.builder(w).interval(BlockProducer.MIN_INTERVAL).build().start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                while (r.latestBlock().number() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                producer.close();
            }
            assertTrue(r.latestBlock().number() >= 3, "three blocks within 10 s at a 50 ms interval");
            long afterClose = r.latestBlock().number();
            producer.close();
            assertEquals(afterClose, r.latestBlock().number(), "no block after close");
        }
    }

    @Test
    void builder_intervalOrRetentionOutOfBounds_refused() {
        try (SqliteRegistryWriter r = TestRegistryFiles.create(dir, 3)) {
            BlockProducer.Builder b = BlockProducer.builder(r);
            assertThrows(IllegalArgumentException.class, () -> b.interval(Duration.ofMillis(49)));
            assertThrows(IllegalArgumentException.class, () -> b.interval(Duration.ofHours(2)));
            assertThrows(IllegalArgumentException.class, () -> b.retention(Duration.ofDays(31)));
            assertThrows(IllegalArgumentException.class, () -> b.retention(BlockProducer.MAX_RETENTION.plusSeconds(1)));
            b.retention(BlockProducer.MAX_RETENTION);
            assertThrows(IllegalArgumentException.class, () -> b.retention(Duration.ofSeconds(59)));
            try (BlockProducer producer = b.build()) {
                assertEquals(BlockProducer.DEFAULT_INTERVAL, producer.interval());
            }
        }
    }
}
