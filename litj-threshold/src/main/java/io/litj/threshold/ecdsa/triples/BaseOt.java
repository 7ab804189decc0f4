package io.litj.threshold.ecdsa.triples;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The 128 base oblivious transfers of a pair, by the "simplest OT" of Chou and Orlandi (CO15): the sender
 * publishes {@code Y = y·G}; for each {@code i} the receiver, with secret bit {@code Δ_i}, sends
 * {@code X_i = Δ_i·Y + x_i·G} and keeps {@code K_i = H(i, Y, X_i, x_i·Y)}; the sender derives
 * {@code K0_i = H(i, Y, X_i, y·X_i)} and {@code K1_i = H(i, Y, X_i, y·X_i − y·Y)}, so that {@code K_i = K^{Δ_i}_i}.
 * Keys are 16 bytes; {@code H} is SHA-256 truncated, bound to the session and the pair.
 */
final class BaseOt {
    /** The number of base OTs (the security parameter λ in bits). */
    static final int COUNT = 128;
    static final int KEY_BYTES = 16;

    private BaseOt() {
    }

    /** The base-OT sender of a pair (the lower index): learns both keys of every OT. */
    static final class Sender {
        private final byte[] context;
        private final BigInteger y;
        private final ECPoint bigY;

        Sender(byte[] context, SecureRandom random) {
            this.context = context;
            this.y = Scalars.randomNonZero(random);
            this.bigY = Points.multiplySecret(Points.G, y);
        }

        ECPoint bigY() {
            return bigY;
        }

        /** Both keys of every OT: {@code [0]} are the {@code K0_i}, {@code [1]} the {@code K1_i}. */
        byte[][][] keys(ECPoint[] bigX) {
            ECPoint z = Points.multiplySecret(bigY, y).negate();
            byte[] yBytes = Points.encode(bigY);
            byte[][][] k = new byte[2][COUNT][];
            for (int i = 0; i < COUNT; i++) {
                ECPoint p = Points.multiplySecret(bigX[i], y);
                byte[] xBytes = Points.encode(bigX[i]);
                k[0][i] = key(context, i, yBytes, xBytes, p);
                k[1][i] = key(context, i, yBytes, xBytes, p.add(z));
            }
            return k;
        }
    }

    /** The base-OT receiver of a pair (the higher index): chooses Δ and learns one key of each OT. */
    static final class Receiver {
        private final byte[] delta = new byte[KEY_BYTES];
        private final ECPoint[] bigX = new ECPoint[COUNT];
        private final byte[][] keys = new byte[COUNT][];

        Receiver(byte[] context, ECPoint bigY, SecureRandom random) {
            random.nextBytes(delta);
            byte[] yBytes = Points.encode(bigY);
            for (int i = 0; i < COUNT; i++) {
                BigInteger x = Scalars.randomNonZero(random);
                ECPoint p0 = Points.multiplySecret(Points.G, x);
                ECPoint p1 = p0.add(bigY).normalize();
                bigX[i] = select(p0, p1, bit(delta, i));
                keys[i] = key(context, i, yBytes, Points.encode(bigX[i]), Points.multiplySecret(bigY, x));
            }
        }

        ECPoint[] bigX() {
            return bigX.clone();
        }

        /** Δ as 16 bytes, bit {@code i} = bit {@code i % 8} of byte {@code i / 8}. */
        byte[] delta() {
            return delta.clone();
        }

        /** {@code K^{Δ_i}_i} for every {@code i}. */
        byte[][] keys() {
            return keys;
        }
    }

    static int bit(byte[] bits, int i) {
        return (bits[i >>> 3] >>> (i & 7)) & 1;
    }

    /** {@code p1} if {@code bit} is 1, else {@code p0}, without a branch on the bit. */
    private static ECPoint select(ECPoint p0, ECPoint p1, int bit) {
        byte[] a = Points.encode(p0);
        byte[] b = Points.encode(p1);
        byte mask = (byte) -bit;
        for (int j = 0; j < a.length; j++) {
            a[j] = (byte) (a[j] ^ ((a[j] ^ b[j]) & mask));
        }
        return Points.CURVE.decodePoint(a);
    }

    private static byte[] key(byte[] context, int i, byte[] bigY, byte[] bigX, ECPoint p) {
        MessageDigest sha = Scalars.sha256();
        sha.update("litj-triples/base-ot".getBytes(StandardCharsets.UTF_8));
        sha.update(context);
        sha.update(Scalars.u32(i));
        sha.update(bigY);
        sha.update(bigX);
        sha.update(Points.encode(p));
        return Arrays.copyOf(sha.digest(), KEY_BYTES);
    }
}
