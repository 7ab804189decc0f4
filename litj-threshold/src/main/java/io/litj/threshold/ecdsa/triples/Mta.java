package io.litj.threshold.ecdsa.triples;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Multiplicative-to-additive conversion (HMRT21, as in cait-sith's notes) over {@link #ELEMENTS} random OTs: the
 * sender, with input {@code a} and pairs {@code (v0_i, v1_i)}, sends {@code c0_i = a + δ_i + v0_i} and
 * {@code c1_i = −a + δ_i + v1_i}; the receiver, with input {@code b}, bits {@code t_i} and {@code v^{t_i}_i}, sets
 * {@code m_i = c^{t_i}_i − v^{t_i}_i = (−1)^{t_i}·a + δ_i}, picks a seed {@code s} that expands to
 * {@code χ_1 … χ_{κ−1}}, solves {@code χ_0} so that {@code Σ χ_i·(−1)^{t_i} = b}, keeps {@code β = Σ χ_i·m_i}
 * and sends {@code (s, χ_0)}; the sender keeps {@code α = −Σ χ_i·δ_i}. Then {@code α + β = a·b}. A cheating sender
 * can make the sum wrong (the triple's product check catches it) but learns nothing about {@code b} beyond
 * that.
 */
final class Mta {
    /** κ = 256 bits of the order + λ = 128. */
    static final int ELEMENTS = 384;
    /** Bytes of the receiver's seed {@code s}. */
    static final int SEED = 16;
    private static final int WIDE = 48;

    private Mta() {
    }

    /** The receiver's reply: seed and {@code χ_0}. */
    record Reply(byte[] seed, BigInteger chi0) {
    }

    /** The receiver's result: its share {@code β} and the reply to send. */
    record Received(BigInteger beta, Reply reply) {
    }

    /** The sender's masks {@code δ_i}: SHAKE256 of 32 fresh random bytes, 48 bytes per mask reduced. */
    static BigInteger[] masks(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        BigInteger[] d = wide(BitColumns.expand("litj-triples/mta-delta", new byte[0], 0, seed, ELEMENTS * WIDE), 0);
        Arrays.fill(seed, (byte) 0);
        return d;
    }

    /** The sender's pairs: {@code [i][0] = c0_i}, {@code [i][1] = c1_i}. */
    static BigInteger[][] cipher(BigInteger a, BigInteger[] delta, OtExtension.Sender ot, int offset) {
        BigInteger q = Scalars.FIELD.order();
        BigInteger minusA = q.subtract(a);
        BigInteger[][] c = new BigInteger[ELEMENTS][2];
        for (int i = 0; i < ELEMENTS; i++) {
            c[i][0] = a.add(delta[i]).add(ot.value(0, offset + i)).mod(q);
            c[i][1] = minusA.add(delta[i]).add(ot.value(1, offset + i)).mod(q);
        }
        return c;
    }

    /** The receiver's side, from the sender's pairs. */
    static Received receive(BigInteger b, BigInteger[][] c, OtExtension.Receiver ot, int offset, byte[] context,
            SecureRandom random) {
        byte[] seed = new byte[SEED];
        random.nextBytes(seed);
        BigInteger[] chi = chis(context, seed);
        BigInteger q = Scalars.FIELD.order();
        BigInteger signed = BigInteger.ZERO;
        for (int i = 1; i < ELEMENTS; i++) {
            signed = signed.add(sign(chi[i], ot.choice(offset + i)));
        }
        chi[0] = sign(b.subtract(signed), ot.choice(offset)).mod(q);
        BigInteger beta = BigInteger.ZERO;
        for (int i = 0; i < ELEMENTS; i++) {
            int t = ot.choice(offset + i);
            beta = beta.add(chi[i].multiply(c[i][t].subtract(ot.value(offset + i))));
        }
        beta = beta.mod(q);
        return new Received(beta, new Reply(seed, chi[0]));
    }

    /** The sender's share {@code α = −Σ χ_i·δ_i}. */
    static BigInteger finish(BigInteger[] delta, Reply reply, byte[] context) {
        BigInteger[] chi = chis(context, reply.seed());
        chi[0] = reply.chi0();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < ELEMENTS; i++) {
            sum = sum.add(chi[i].multiply(delta[i]));
        }
        return Scalars.FIELD.order().subtract(sum.mod(Scalars.FIELD.order())).mod(Scalars.FIELD.order());
    }

    /** {@code χ_1 … χ_{κ−1}} from the seed; {@code χ_0} is left null for the caller. */
    private static BigInteger[] chis(byte[] context, byte[] seed) {
        return wide(BitColumns.expand("litj-triples/mta-chi", context, 0, seed, (ELEMENTS - 1) * WIDE), 1);
    }

    /** Scalars from consecutive 48-byte blocks of {@code raw}, into positions {@code first …} of a κ-array. */
    private static BigInteger[] wide(byte[] raw, int first) {
        BigInteger[] out = new BigInteger[ELEMENTS];
        for (int i = first; i < ELEMENTS; i++) {
            int at = (i - first) * WIDE;
            out[i] = new BigInteger(1, Arrays.copyOfRange(raw, at, at + WIDE)).mod(Scalars.FIELD.order());
        }
        return out;
    }

    /** {@code (−1)^bit · v}, left unreduced (the callers reduce once). */
    private static BigInteger sign(BigInteger v, int bit) {
        return bit == 0 ? v : v.negate();
    }
}
