package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.testing.Fuzz;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.DealtBlsNetwork;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated ciphertexts (bits flipped, bytes replaced, inserted, deleted or repeated; the base64 text cut or edited):
 * parsing refuses only with {@code NodeParserError}, and every accepted ciphertext that differs from the original
 * fails decryption with {@code InvalidSignature}: a ciphertext has exactly one accepted encoding.
 */
class TimeLockFuzzTest {
    private static final long SEED = 2026_1205_0010L;
    private static final int EXAMPLES = 1500;
    private static final DealtBlsNetwork NETWORK = DealtBlsNetwork.deal(2, 3, 48);
    private static final byte[] IDENTITY = "lit-accesscontrolcondition://fuzz".getBytes(StandardCharsets.UTF_8);
    private static final BlsSignature KEY = NETWORK.signature(IDENTITY);

    private static byte[] mutate(SplittableRandom r, byte[] in) {
        int at = r.nextInt(in.length + 1);
        int to = Math.min(in.length, at + 1 + r.nextInt(16));
        byte[] out;
        switch (r.nextInt(5)) {
            case 0 -> {
                out = in.clone();
                if (at < in.length) {
                    out[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                out = in.clone();
                if (at < in.length) {
                    out[at] = (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = (byte) r.nextInt(256);
                System.arraycopy(in, at, out, at + 1, in.length - at);
            }
            case 3 -> {
                out = new byte[in.length - (to - at)];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, to, out, at, in.length - to);
            }
            default -> {
                out = new byte[in.length + (to - at)];
                System.arraycopy(in, 0, out, 0, to);
                System.arraycopy(in, at, out, to, in.length - at);
            }
        }
        return out;
    }

    /** Parses, then decrypts what parsed; checks the outcome against the original. */
    private static void check(String label, byte[] original, byte[] plaintext, ParseStep parse) {
        TimeLockCiphertext c;
        try {
            c = parse.parse();
        } catch (ThresholdException e) {
            assertEquals(LitErrorCode.NodeParserError, e.code(), label + ": " + e.getMessage());
            assertTrue(e.getMessage().length() <= Fuzz.MAX_MESSAGE, label);
            return;
        } catch (RuntimeException e) {
            fail(label + ": parsing threw " + e);
            return;
        }
        if (Arrays.equals(original, c.toBytes().toByteArray())) {
            assertArrayEquals(plaintext, TimeLock.decrypt(c, KEY).exportSecret(), label);
            return;
        }
        try {
            TimeLock.decrypt(c, KEY);
            fail(label + ": an altered ciphertext opened");
        } catch (ThresholdException e) {
            assertEquals(LitErrorCode.InvalidSignature, e.code(), label + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ParseStep {
        TimeLockCiphertext parse();
    }

    @Test
    void mutatedBytesAndText_refusedByParsingOrDecryption() {
        System.out.println("TimeLockFuzzTest seed " + SEED + ", " + EXAMPLES + " inputs");
        SplittableRandom r = new SplittableRandom(SEED);
        byte[][] plaintexts = {new byte[0], "short".getBytes(StandardCharsets.UTF_8), new byte[200]};
        byte[][] originals = new byte[plaintexts.length][];
        for (int k = 0; k < plaintexts.length; k++) {
            originals[k] = TimeLock.encrypt(NETWORK.publicKey(), IDENTITY, plaintexts[k], new SeededRandom(k))
                    .toBytes().toByteArray();
        }
        for (int i = 0; i < EXAMPLES; i++) {
            byte[] plaintext = plaintexts[i % plaintexts.length];
            byte[] original = originals[i % plaintexts.length];
            if (r.nextInt(4) == 0) {
                String text = java.util.Base64.getEncoder().encodeToString(original);
                String mutated = Fuzz.mutate(r, text);
                check("text " + Fuzz.show(mutated), original, plaintext, () -> TimeLockCiphertext.parse(mutated));
            } else {
                byte[] mutated = mutate(r, original);
                for (int extra = r.nextInt(3); extra > 0; extra--) {
                    mutated = mutate(r, mutated);
                }
                byte[] input = mutated;
                check("bytes " + Hex.encode(input), original, plaintext,
                        () -> TimeLockCiphertext.fromBytes(Bytes.of(input)));
            }
        }
    }
}
