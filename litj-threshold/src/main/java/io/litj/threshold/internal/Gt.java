package io.litj.threshold.internal;

import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * The BLS12-381 pairing through blst, and the 576-byte encoding of its result in the coefficient order of
 * bls12_381_plus {@code Gt::to_bytes} and {@code @noble/curves} {@code Fp12.toBytes}, which Lit's time-lock
 * scheme hashes ({@code lit-node-behaviour.md} §6.2).
 *
 * <p>blst's {@code PT.to_bendian()} writes the twelve 48-byte Fp limbs in another order: limb {@code k} of the
 * Lit/noble encoding is blst limb {@link #NOBLE_FROM_BLST}{@code [k]} ({@code java-stack.md}, gotcha 3). Without
 * the permutation the hash, and so every decryption, silently differs from the JS SDK's.
 */
public final class Gt {
    /** Length of an encoded Gt element. */
    public static final int BYTES = 576;
    private static final int LIMB = 48;
    private static final int[] NOBLE_FROM_BLST = {0, 1, 4, 5, 8, 9, 2, 3, 6, 7, 10, 11};

    private Gt() {
    }

    /** {@code e(p, q)} (Miller loop and final exponentiation), encoded in the Lit/noble order. */
    public static byte[] pairingBytes(P1_Affine p, P2_Affine q) {
        byte[] blst = new PT(q, p).final_exp().to_bendian();
        byte[] out = new byte[BYTES];
        for (int k = 0; k < NOBLE_FROM_BLST.length; k++) {
            System.arraycopy(blst, NOBLE_FROM_BLST[k] * LIMB, out, k * LIMB, LIMB);
        }
        return out;
    }
}
