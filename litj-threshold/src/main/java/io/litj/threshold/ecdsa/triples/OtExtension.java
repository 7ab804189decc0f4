package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.internal.Secrets;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Random OT extension (KOS15, as cait-sith runs it) from the 128 base OTs of a pair. The extension receiver (the
 * base-OT sender, holding both keys {@code K0_j, K1_j}) picks random choice bits {@code b}, expands each key into a
 * column {@code T^b_j = PRG(K^b_j)} and sends {@code U_j = T0_j ⊕ T1_j ⊕ b}; the extension sender (holding Δ and
 * {@code K^{Δ_j}_j}) gets {@code Q_j = T^{Δ_j}_j ⊕ Δ_j·U_j = T0_j ⊕ Δ_j·b}, so row {@code i} of Q is
 * {@code T0_i ⊕ b_i·Δ}. The receiver proves that it used one {@code b} in every column by the KOS check:
 * {@code x = Σ_k b̂_k·χ_k} and {@code t_j = Σ_k T̂0_{j,k}·χ_k} in GF(2^128), checked as
 * {@code Σ_k Q̂_{j,k}·χ_k = t_j ⊕ Δ_j·x}; here the {@code χ_k} come from a hash of {@code U} (Fiat-Shamir) instead of
 * a message from the sender. Outputs: the sender gets {@code v0_i = H_i(Q_i)}, {@code v1_i = H_i(Q_i ⊕ Δ)}; the
 * receiver gets {@code b_i} and {@code v^{b_i}_i = H_i(T0_i)}. The last {@link #PADDING} rows only mask the check and
 * are dropped.
 */
final class OtExtension {
    /** Extra rows that mask the check values (2λ, as cait-sith pads). */
    static final int PADDING = 256;
    private static final int COLUMNS = BaseOt.COUNT;
    private static final int BLOCK = BitColumns.BLOCK;

    private OtExtension() {
    }

    /** The rows of a run that needs {@code count} triples: two MtAs of {@link Mta#ELEMENTS} OTs each, plus padding. */
    static int rows(int count) {
        return count * 2 * Mta.ELEMENTS + PADDING;
    }

    static int messageLength(int rows) {
        return COLUMNS * (rows / 8) + BLOCK + COLUMNS * BLOCK;
    }

    /** What the receiver sends: the columns {@code U_j} and the check values {@code x}, {@code t_j}. */
    record Message(byte[][] u, byte[] x, byte[][] t) {
        void write(Wire.Writer w) {
            for (byte[] col : u) {
                w.bytes(col);
            }
            w.bytes(x);
            for (byte[] tj : t) {
                w.bytes(tj);
            }
        }

        static Message read(Wire.Reader r, int rows) {
            byte[][] u = new byte[COLUMNS][];
            for (int j = 0; j < COLUMNS; j++) {
                u[j] = r.bytes(rows / 8);
            }
            byte[] x = r.bytes(BLOCK);
            byte[][] t = new byte[COLUMNS][];
            for (int j = 0; j < COLUMNS; j++) {
                t[j] = r.bytes(BLOCK);
            }
            return new Message(u, x, t);
        }
    }

    /** The extension receiver: random choice bits and one scalar per row. */
    static final class Receiver {
        private final byte[] choices;
        private final BigInteger[] values;
        private final Message message;

        Receiver(byte[] context, byte[][][] keys, int rows, SecureRandom random) {
            int bytes = rows / 8;
            choices = new byte[bytes];
            random.nextBytes(choices);
            byte[][] t0 = new byte[COLUMNS][];
            byte[][] u = new byte[COLUMNS][];
            for (int j = 0; j < COLUMNS; j++) {
                t0[j] = BitColumns.expand("litj-triples/ot-prg", context, j, keys[0][j], bytes);
                u[j] = BitColumns.expand("litj-triples/ot-prg", context, j, keys[1][j], bytes);
                BitColumns.xorInto(u[j], t0[j]);
                BitColumns.xorInto(u[j], choices);
            }
            long[][] chi = BitColumns.challenges(seed(context, u), rows / BLOCK / 8);
            byte[][] t = new byte[COLUMNS][];
            for (int j = 0; j < COLUMNS; j++) {
                t[j] = BitColumns.checkSum(t0[j], chi);
            }
            message = new Message(u, BitColumns.checkSum(choices, chi), t);
            byte[][] rowsOfT = BitColumns.rows(t0, rows);
            values = BitColumns.hashRows(context, rowsOfT, rows - PADDING, null);
        }

        Message message() {
            return message;
        }

        int choice(int i) {
            return BaseOt.bit(choices, i);
        }

        BigInteger value(int i) {
            return values[i];
        }
    }

    /** The extension sender: both scalars of every row, after the receiver's check passed. */
    static final class Sender {
        private final BigInteger[][] values;

        private Sender(BigInteger[][] values) {
            this.values = values;
        }

        /**
         * Checks the receiver's message and derives the pairs; empty if the KOS check fails (the receiver used
         * different choice bits in different columns, or sent a wrong check value).
         */
        static Optional<Sender> of(byte[] context, byte[] delta, byte[][] keys, Message m, int rows) {
            int bytes = rows / 8;
            byte[][] q = new byte[COLUMNS][];
            for (int j = 0; j < COLUMNS; j++) {
                q[j] = BitColumns.expand("litj-triples/ot-prg", context, j, keys[j], bytes);
                BitColumns.xorIf(q[j], m.u()[j], BaseOt.bit(delta, j));
            }
            long[][] chi = BitColumns.challenges(seed(context, m.u()), rows / BLOCK / 8);
            boolean ok = true;
            for (int j = 0; j < COLUMNS; j++) {
                byte[] expected = m.t()[j].clone();
                BitColumns.xorIf(expected, m.x(), BaseOt.bit(delta, j));
                ok &= Secrets.equal(BitColumns.checkSum(q[j], chi), expected);
            }
            if (!ok) {
                return Optional.empty();
            }
            byte[][] rowsOfQ = BitColumns.rows(q, rows);
            return Optional.of(new Sender(new BigInteger[][] {
                BitColumns.hashRows(context, rowsOfQ, rows - PADDING, null),
                BitColumns.hashRows(context, rowsOfQ, rows - PADDING, delta)}));
        }

        /** {@code v^bit_i}. */
        BigInteger value(int bit, int i) {
            return values[bit][i];
        }
    }

    /** The Fiat-Shamir seed of the check: SHA-256 of the context and every column of U. */
    private static byte[] seed(byte[] context, byte[][] u) {
        MessageDigest sha = Scalars.sha256();
        sha.update("litj-triples/kos-seed".getBytes(StandardCharsets.UTF_8));
        sha.update(context);
        for (byte[] col : u) {
            sha.update(col);
        }
        return sha.digest();
    }
}
