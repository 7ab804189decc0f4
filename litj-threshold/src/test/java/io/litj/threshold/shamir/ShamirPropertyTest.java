package io.litj.threshold.shamir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.litj.threshold.testing.SeededRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** For random {@code 1 ≤ t ≤ n ≤ 7}, a random secret and a random choice of shares, in either group. */
class ShamirPropertyTest {
    private static final long SEED = 1979_1987_0007L;

    @Test
    void splitThenReconstruct_anyTShares_giveTheSecret_fewerDoNot() {
        System.out.println("ShamirPropertyTest seed " + SEED);
        qt().withFixedSeed(SEED).withExamples(20)
                .forAll(integers().between(1, 7), integers().between(1, 7), longs().all(), booleans().all())
                .checkAssert((n, tRaw, seed, bls) -> {
                    int t = 1 + (tRaw - 1) % n;
                    Group g = bls ? Group.BLS12_381_G1 : Group.SECP256K1;
                    SeededRandom random = new SeededRandom(seed);
                    SecretScalar secret = SecretScalar.random(g, random);
                    List<Share> shares = new ArrayList<>(Shamir.split(secret, t, n, random));
                    assertEquals(n, shares.size());
                    Collections.shuffle(shares, new Random(seed));
                    assertTrue(secret.sameSecretAs(Shamir.reconstruct(shares.subList(0, t))),
                            "t=" + t + " n=" + n + " " + g);
                    if (t > 1) {
                        assertFalse(secret.sameSecretAs(Shamir.reconstruct(shares.subList(0, t - 1))),
                                "t-1 shares, t=" + t + " n=" + n + " " + g);
                    }
                });
    }
}
