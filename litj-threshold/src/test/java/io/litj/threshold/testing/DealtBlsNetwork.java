package io.litj.threshold.testing;

import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import java.util.ArrayList;
import java.util.List;

/**
 * A network BLS key dealt with Shamir to {@code n} node shares (identifiers {@code 1..n}), from a seed: what a
 * Lit network's DKG leaves behind, for tests that need node signature shares over an identity.
 */
public final class DealtBlsNetwork {
    private final BlsPublicKey publicKey;
    private final List<BlsSecretKeyShare> shares;
    private final int threshold;

    private DealtBlsNetwork(BlsPublicKey publicKey, List<BlsSecretKeyShare> shares, int threshold) {
        this.publicKey = publicKey;
        this.shares = shares;
        this.threshold = threshold;
    }

    /** A random root key from {@code seed}, split {@code threshold}-of-{@code parties}. */
    public static DealtBlsNetwork deal(int threshold, int parties, long seed) {
        SeededRandom random = new SeededRandom(seed);
        SecretScalar secret = SecretScalar.random(Group.BLS12_381_G1, random);
        List<BlsSecretKeyShare> shares = new ArrayList<>();
        Shamir.split(secret, threshold, parties, random).forEach(s -> shares.add(BlsSecretKeyShare.of(s)));
        return new DealtBlsNetwork(BlsSecretKey.of(secret).publicKey(), List.copyOf(shares), threshold);
    }

    public BlsPublicKey publicKey() {
        return publicKey;
    }

    public int threshold() {
        return threshold;
    }

    /** The signature shares over {@code message} of the nodes with these identifiers, in that order. */
    public List<BlsSignatureShare> signatureShares(byte[] message, int... identifiers) {
        List<BlsSignatureShare> out = new ArrayList<>();
        for (int id : identifiers) {
            out.add(shares.get(id - 1).sign(message));
        }
        return out;
    }

    /** The network signature over {@code message}, combined from the first {@code t} nodes' shares and verified. */
    public BlsSignature signature(byte[] message) {
        int[] first = new int[threshold];
        for (int i = 0; i < threshold; i++) {
            first[i] = i + 1;
        }
        return BlsCombiner.combineAndVerify(signatureShares(message, first), threshold, publicKey, message);
    }

    @Override
    public String toString() {
        return "DealtBlsNetwork[" + threshold + "-of-" + shares.size() + " pub=" + publicKey.toHex() + "]";
    }
}
