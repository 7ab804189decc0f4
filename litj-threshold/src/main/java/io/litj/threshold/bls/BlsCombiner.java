package io.litj.threshold.bls;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Blst;
import io.litj.threshold.internal.Lagrange;
import io.litj.threshold.internal.PrimeField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import supranational.blst.P2;

/**
 * Combines node signature shares into the network signature, and returns it only once it verifies under the
 * network public key (style rule R12: there is no public combine-without-verify).
 *
 * <p>Combination is Lagrange interpolation at {@code x = 0} in G2 over the share identifiers as field elements,
 * {@code sig = Σ λ_i · sig_i} with {@code λ_i = Π_{j≠i} x_j / (x_j − x_i)} ({@code lit-node-behaviour.md} §4,
 * vsss-rs {@code combine_shares_group}); any {@code t} correct shares give the same signature.
 *
 * <p>Search for a valid combination, in this order:
 * <ol>
 *   <li>the first {@code t} shares (in list order, first occurrence of each identifier);</li>
 *   <li>if public key shares were given: every share is checked on its own
 *       ({@code e(pk_i, H(m)) == e(G1, sig_i)}); shares without a public key share, or that fail, are dropped, and
 *       the first {@code t} remaining are combined;</li>
 *   <li>otherwise: the other {@code t}-subsets in lexicographic order of list positions, at most
 *       {@value #MAX_COMBINATIONS} combinations in all (Datil's clients get no public key shares from nodes).</li>
 * </ol>
 * Shares repeated exactly are counted once; two different shares claiming one identifier are never combined
 * together. Thread-safe; no state.
 */
public final class BlsCombiner {
    /** Upper bound on the combinations tried when shares cannot be checked one by one. */
    public static final int MAX_COMBINATIONS = 64;

    private BlsCombiner() {
    }

    /**
     * The network signature over {@code message} from {@code shares}, verified under {@code publicKey}.
     *
     * @param threshold the number of shares a combination uses ({@code 1..255}); Lit's {@code t}
     * @throws ThresholdException {@code InvalidArgument} for a threshold outside {@code 1..255};
     *     {@code NoValidShares} if fewer than {@code threshold} distinct identifiers are present or no tried
     *     combination verifies
     */
    public static BlsSignature combineAndVerify(List<BlsSignatureShare> shares, int threshold,
            BlsPublicKey publicKey, byte[] message) {
        return combineAndVerify(shares, threshold, publicKey, message, List.of());
    }

    /**
     * As {@link #combineAndVerify(List, int, BlsPublicKey, byte[])}, with public key shares to single out bad
     * shares when the first {@code t} do not combine into a valid signature.
     *
     * @throws ThresholdException {@code InvalidArgument} for a threshold outside {@code 1..255} or two public key
     *     shares with one identifier; {@code NoValidShares} if no valid combination is found
     */
    public static BlsSignature combineAndVerify(List<BlsSignatureShare> shares, int threshold,
            BlsPublicKey publicKey, byte[] message, List<BlsPublicKeyShare> publicKeyShares) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(message, "message");
        if (threshold < 1 || threshold > 255) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "threshold must be in 1..255 but is " + threshold);
        }
        List<BlsSignatureShare> candidates = withoutExactRepeats(shares);
        Map<Integer, BlsPublicKeyShare> keys = byIdentifier(publicKeyShares);
        requireEnoughIdentifiers(candidates, threshold, "");

        List<BlsSignatureShare> first = firstDistinct(candidates, threshold);
        Optional<BlsSignature> signature = combineVerified(first, publicKey, message);
        if (signature.isPresent()) {
            return signature.get();
        }
        if (!keys.isEmpty()) {
            List<BlsSignatureShare> valid = new ArrayList<>();
            Set<Integer> rejected = new TreeSet<>();
            for (BlsSignatureShare s : candidates) {
                BlsPublicKeyShare key = keys.get(s.identifier());
                if (key != null && shareVerifies(key, message, s)) {
                    valid.add(s);
                } else {
                    rejected.add(s.identifier());
                }
            }
            requireEnoughIdentifiers(valid, threshold, " that verify against their public key shares (rejected "
                    + rejected + ")");
            return combineVerified(firstDistinct(valid, threshold), publicKey, message).orElseThrow(() ->
                    new ThresholdException(LitErrorCode.NoValidShares, threshold + " individually valid shares "
                            + identifiers(firstDistinct(valid, threshold)) + " do not combine into a signature "
                            + "under " + publicKey.toHex() + ": the public key shares do not belong to that key"));
        }
        return searchSubsets(candidates, threshold, publicKey, message);
    }

    /**
     * Lagrange interpolation at 0 of the shares, without verification. Package-private by design (R12): callers
     * outside get only verified signatures.
     *
     * @throws ThresholdException {@code InvalidArgument} for an empty list or a repeated identifier;
     *     {@code NoValidShares} if the result is the identity
     */
    static BlsSignature combine(List<BlsSignatureShare> shares) {
        int[] xs = new int[shares.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = shares.get(i).identifier();
        }
        BigInteger[] lambda = Lagrange.atZero(PrimeField.BLS12_381_R, xs);
        P2 acc = new P2();
        for (int i = 0; i < xs.length; i++) {
            acc = acc.add(Blst.multiply(shares.get(i).partial().point(), lambda[i]));
        }
        return BlsSignature.fromPoint(acc.to_affine(), "combined signature of shares " + identifiers(shares));
    }

    /** The combination of {@code shares} if it verifies under {@code key}; empty if not (or if it is the identity). */
    private static Optional<BlsSignature> combineVerified(List<BlsSignatureShare> shares, BlsPublicKey key,
            byte[] message) {
        try {
            BlsSignature s = combine(shares);
            Bls.verify(key, message, s);
            return Optional.of(s);
        } catch (ThresholdException e) {
            return Optional.empty();
        }
    }

    /** Whether one share verifies under its key share: a share that does not is dropped, not an error. */
    private static boolean shareVerifies(BlsPublicKeyShare key, byte[] message, BlsSignatureShare share) {
        try {
            Bls.verifyShare(key, message, share);
            return true;
        } catch (ThresholdException e) {
            return false;
        }
    }

    private static BlsSignature searchSubsets(List<BlsSignatureShare> candidates, int t, BlsPublicKey key,
            byte[] message) {
        int m = candidates.size();
        int[] c = new int[t];
        for (int i = 0; i < t; i++) {
            c[i] = i;
        }
        int tried = 1; // the first t distinct shares were tried already
        List<BlsSignatureShare> first = firstDistinct(candidates, t);
        while (nextCombination(c, m)) {
            List<BlsSignatureShare> subset = new ArrayList<>(t);
            Set<Integer> ids = new HashSet<>();
            for (int i : c) {
                subset.add(candidates.get(i));
                ids.add(candidates.get(i).identifier());
            }
            if (ids.size() < t || subset.equals(first)) {
                continue;
            }
            if (tried >= MAX_COMBINATIONS) {
                break;
            }
            tried++;
            Optional<BlsSignature> s = combineVerified(subset, key, message);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new ThresholdException(LitErrorCode.NoValidShares, "no " + t + " of the shares " + identifiers(candidates)
                + " combine into a signature that verifies under " + key.toHex() + " (tried " + tried
                + " combinations, limit " + MAX_COMBINATIONS + ")");
    }

    /** Advances {@code c} to the next {@code c.length}-subset of {@code 0..m-1} in lexicographic order. */
    private static boolean nextCombination(int[] c, int m) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == m - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }

    private static List<BlsSignatureShare> withoutExactRepeats(List<BlsSignatureShare> shares) {
        Objects.requireNonNull(shares, "shares");
        List<BlsSignatureShare> out = new ArrayList<>();
        for (BlsSignatureShare s : shares) {
            Objects.requireNonNull(s, "share");
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static Map<Integer, BlsPublicKeyShare> byIdentifier(List<BlsPublicKeyShare> keys) {
        Map<Integer, BlsPublicKeyShare> out = new HashMap<>();
        for (BlsPublicKeyShare k : keys) {
            BlsPublicKeyShare previous = out.put(k.identifier(), k);
            if (previous != null && !previous.equals(k)) {
                throw new ThresholdException(LitErrorCode.InvalidArgument,
                        "two different public key shares for identifier " + k.identifier());
            }
        }
        return out;
    }

    private static List<BlsSignatureShare> firstDistinct(List<BlsSignatureShare> shares, int t) {
        List<BlsSignatureShare> out = new ArrayList<>(t);
        Set<Integer> ids = new HashSet<>();
        for (BlsSignatureShare s : shares) {
            if (out.size() < t && ids.add(s.identifier())) {
                out.add(s);
            }
        }
        return out;
    }

    private static void requireEnoughIdentifiers(List<BlsSignatureShare> shares, int t, String qualifier) {
        Set<Integer> ids = new TreeSet<>();
        shares.forEach(s -> ids.add(s.identifier()));
        if (ids.size() < t) {
            throw new ThresholdException(LitErrorCode.NoValidShares,
                    "need shares from " + t + " distinct identifiers" + qualifier + " but have " + ids.size() + " " + ids);
        }
    }

    private static String identifiers(List<BlsSignatureShare> shares) {
        List<Integer> ids = new ArrayList<>();
        shares.forEach(s -> ids.add(s.identifier()));
        return ids.toString();
    }
}
