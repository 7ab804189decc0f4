package io.litj.threshold.ecdsa.triples;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.modes.gcm.GCMUtil;

/**
 * Bit-matrix helpers of the OT extension: columns of {@code rows} bits as byte arrays (bit {@code i} = bit
 * {@code i % 8} of byte {@code i / 8}), the SHAKE256 expansion of a base-OT key into a column, the KOS check sum
 * {@code Σ_k mul(block_k, χ_k)} in GF(2^128) (Bouncy Castle's GCM field arithmetic), the transposition of 128
 * columns into 16-byte rows, and hashing a row to a scalar.
 */
final class BitColumns {
    static final int BLOCK = 16;

    private BitColumns() {
    }

    /** SHAKE256(label ‖ context ‖ index ‖ seed), {@code length} bytes. */
    static byte[] expand(String label, byte[] context, int index, byte[] seed, int length) {
        SHAKEDigest shake = new SHAKEDigest(256);
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        shake.update(l, 0, l.length);
        shake.update(context, 0, context.length);
        shake.update(Scalars.u32(index), 0, 4);
        shake.update(seed, 0, seed.length);
        byte[] out = new byte[length];
        shake.doFinal(out, 0, length);
        return out;
    }

    /** {@code a ^= b}. */
    static void xorInto(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] ^= b[i];
        }
    }

    /** {@code a ^= b} if {@code bit} is 1, without a branch on the bit. */
    static void xorIf(byte[] a, byte[] b, int bit) {
        byte mask = (byte) -bit;
        for (int i = 0; i < a.length; i++) {
            a[i] ^= (byte) (b[i] & mask);
        }
    }

    /** The challenges {@code χ_0 … χ_{μ−1}} of the KOS check, from a seed. */
    static long[][] challenges(byte[] seed, int blocks) {
        byte[] raw = expand("litj-triples/kos-chi", seed, blocks, new byte[0], blocks * BLOCK);
        long[][] chi = new long[blocks][];
        for (int k = 0; k < blocks; k++) {
            chi[k] = GCMUtil.asLongs(Arrays.copyOfRange(raw, k * BLOCK, (k + 1) * BLOCK));
        }
        return chi;
    }

    /** {@code Σ_k block_k(column) · χ_k} in GF(2^128), as 16 bytes. */
    static byte[] checkSum(byte[] column, long[][] chi) {
        long[] acc = new long[2];
        byte[] block = new byte[BLOCK];
        long[] x = new long[2];
        for (int k = 0; k < chi.length; k++) {
            System.arraycopy(column, k * BLOCK, block, 0, BLOCK);
            GCMUtil.asLongs(block, x);
            GCMUtil.multiply(x, chi[k]);
            acc[0] ^= x[0];
            acc[1] ^= x[1];
        }
        return GCMUtil.asBytes(acc);
    }

    /** The 16-byte rows of 128 columns: bit {@code j} of row {@code i} is bit {@code i} of column {@code j}. */
    static byte[][] rows(byte[][] columns, int rows) {
        byte[][] out = new byte[rows][BLOCK];
        for (int j = 0; j < columns.length; j++) {
            byte[] col = columns[j];
            int shift = j & 7;
            int at = j >>> 3;
            for (int i = 0; i < rows; i++) {
                out[i][at] |= (byte) (((col[i >>> 3] >>> (i & 7)) & 1) << shift);
            }
        }
        return out;
    }

    /**
     * The scalars {@code H_i(row_i)} of the first {@code count} rows: SHA-512 of label, context, {@code i} and the
     * row, reduced modulo the order; with {@code xor} given, of {@code row_i ⊕ xor} instead.
     */
    static BigInteger[] hashRows(byte[] context, byte[][] rows, int count, byte[] xor) {
        MessageDigest sha = Scalars.sha512();
        byte[] label = "litj-triples/ot-row".getBytes(StandardCharsets.UTF_8);
        byte[] row = new byte[BLOCK];
        BigInteger[] out = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(rows[i], 0, row, 0, BLOCK);
            if (xor != null) {
                xorInto(row, xor);
            }
            sha.update(label);
            sha.update(context);
            sha.update(Scalars.u32(i));
            sha.update(row);
            out[i] = new BigInteger(1, sha.digest()).mod(Scalars.FIELD.order());
        }
        return out;
    }
}
