package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.litj.threshold.testing.DealtBlsNetwork;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Round trips through the wire form for random plaintexts and identities, and for the sizes at the edges of the
 * padding and of the varint (0, 1, 30–33, 127, 128 bytes) and a 1 MiB plaintext.
 */
class TimeLockPropertyTest {
    private static final long SEED = 2024_0610_0043L;
    private static final DealtBlsNetwork NETWORK = DealtBlsNetwork.deal(3, 5, 43);

    private static void roundTrip(int size, long seed) {
        SeededRandom random = new SeededRandom(seed);
        byte[] plaintext = new byte[size];
        random.nextBytes(plaintext);
        byte[] identity = ("lit-accesscontrolcondition://" + seed + "/" + size).getBytes(StandardCharsets.UTF_8);
        TimeLockCiphertext sent = TimeLock.encrypt(NETWORK.publicKey(), identity, plaintext, random);
        TimeLockCiphertext received = TimeLockCiphertext.parse(sent.toBase64());
        assertEquals(sent, received);
        int padded = Math.max(32, (size < 128 ? 1 : size < 16384 ? 2 : 3) + size);
        assertEquals(padded, received.w().size(), "W of a " + size + "-byte plaintext");
        assertArrayEquals(plaintext, TimeLock.decrypt(received, NETWORK.signature(identity)).exportSecret(),
                size + " bytes, seed " + seed);
    }

    @Test
    void edgeSizes_roundTrip() {
        for (int size : new int[] {0, 1, 30, 31, 32, 33, 127, 128, 16383, 16384}) {
            roundTrip(size, size);
        }
    }

    @Test
    void oneMebibyte_roundTrips() {
        roundTrip(1 << 20, 44);
    }

    @Test
    void randomSizes_roundTrip() {
        System.out.println("TimeLockPropertyTest seed " + SEED);
        qt().withFixedSeed(SEED).withExamples(25).forAll(integers().between(0, 4096), longs().all())
                .checkAssert(TimeLockPropertyTest::roundTrip);
    }
}
