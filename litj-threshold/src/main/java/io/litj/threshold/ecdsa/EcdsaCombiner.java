package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.GroupElement;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Combines linearized ECDSA signature shares exactly as the JS SDK's wasm combiner does
 * ({@code lit-node-behaviour.md} §7, vector V5): {@code s = Σ s_i mod n}, normalized to low-S (flipping the
 * recovery parity when negated), {@code r = x(R) mod n}, {@code recid} the y-parity of {@code R}. The result is
 * returned only after it verified under the public key (style rule R12); there is no combine-without-verify.
 *
 * <p>The shares must be those of exactly the presignature's signing set: linearized shares cannot be combined in
 * subsets. Thread-safe; no state.
 */
public final class EcdsaCombiner {
    /** The most shares one call takes (a signing set has at most 255 parties). */
    public static final int MAX_SHARES = 255;

    private EcdsaCombiner() {
    }

    /**
     * The signature of {@code digest32} under {@code publicKey} from {@code shares}, verified.
     *
     * @param publicKey the 65-byte uncompressed key
     * @throws ThresholdException {@code InvalidArgument} for a digest that is not 32 bytes, a malformed key or
     *     more than {@value #MAX_SHARES} shares; {@link CheatingPartyException} for a share of another digest or
     *     key (naming its share index); {@code NoValidShares} for no shares, shares that disagree on
     *     {@code big_r}, or a zero sum; {@code InvalidSignature} if the sum does not verify
     */
    public static EcdsaSignature combine(List<EcdsaSignatureShare> shares, Bytes publicKey, byte[] digest32) {
        K256.requireDigest(digest32);
        ECPoint key = K256.uncompressedKey(Objects.requireNonNull(publicKey, "publicKey"),
                LitErrorCode.InvalidArgument, "public key");
        GroupElement bigR = checkShares(shares, publicKey, digest32);
        BigInteger s = BigInteger.ZERO;
        for (EcdsaSignatureShare share : shares) {
            s = K256.N.add(s, new BigInteger(1, share.signatureShare().toByteArray()));
        }
        BigInteger r = K256.r(bigR);
        if (s.signum() == 0 || r.signum() == 0) {
            throw new ThresholdException(LitErrorCode.NoValidShares, "the " + shares.size() + " shares sum to "
                    + (s.signum() == 0 ? "s = 0" : "r = 0") + ", which is no signature");
        }
        int recid = K256.yIsOdd(bigR) ? 1 : 0;
        if (s.compareTo(K256.HALF_N) > 0) {
            s = K256.N.sub(BigInteger.ZERO, s);
            recid ^= 1;
        }
        if (!K256.verifies(key, digest32, r, s)) {
            throw new ThresholdException(LitErrorCode.InvalidSignature, "the sum of the " + shares.size()
                    + " shares from " + indices(shares) + " does not verify under " + publicKey.hex()
                    + " for digest " + Bytes.of(digest32).hex());
        }
        return new EcdsaSignature(Bytes.of(K256.scalarBytes(r)), Bytes.of(K256.scalarBytes(s)), recid);
    }

    /**
     * As {@link #combine(List, Bytes, byte[])}; when the sum does not verify, each share is checked against its
     * party's expected {@code s_j·G} ({@link PresignatureShare#expectedShareCommitments}) and the first bad one,
     * by share index, is named.
     *
     * @param expectedShareCommitments {@code s_j·G} by share index, for every share's party
     * @throws ThresholdException as {@link #combine(List, Bytes, byte[])}, plus {@code InvalidArgument} for a
     *     share whose index is repeated or has no expected commitment, and {@link CheatingPartyException} naming
     *     the party whose share does not match its commitment
     */
    public static EcdsaSignature combine(List<EcdsaSignatureShare> shares, Bytes publicKey, byte[] digest32,
            Map<Integer, GroupElement> expectedShareCommitments) {
        Objects.requireNonNull(expectedShareCommitments, "expectedShareCommitments");
        checkCount(shares);
        Set<Integer> seen = new HashSet<>();
        for (EcdsaSignatureShare share : shares) {
            if (!seen.add(share.shareIndex()) || !expectedShareCommitments.containsKey(share.shareIndex())) {
                throw new ThresholdException(LitErrorCode.InvalidArgument, "share index " + share.shareIndex()
                        + " is repeated or has no expected commitment (known: "
                        + new TreeSet<>(expectedShareCommitments.keySet()) + ")");
            }
        }
        try {
            return combine(shares, publicKey, digest32);
        } catch (CheatingPartyException e) {
            throw e;
        } catch (ThresholdException e) {
            Map<Integer, EcdsaSignatureShare> byIndex = new TreeMap<>();
            shares.forEach(share -> byIndex.put(share.shareIndex(), share));
            for (EcdsaSignatureShare share : byIndex.values()) {
                BigInteger si = new BigInteger(1, share.signatureShare().toByteArray());
                if (!K256.timesGenerator(si).equals(expectedShareCommitments.get(share.shareIndex()))) {
                    throw new CheatingPartyException(share.shareIndex(), "its signature share does not match its"
                            + " presignature commitments (" + e.code().wireName() + ": " + e.getMessage() + ")");
                }
            }
            throw e;
        }
    }

    /** Checks count, digest and key of every share and that all carry one {@code R}; returns that {@code R}. */
    private static GroupElement checkShares(List<EcdsaSignatureShare> shares, Bytes publicKey, byte[] digest32) {
        checkCount(shares);
        Bytes digest = Bytes.of(digest32);
        Bytes bigR = shares.get(0).bigR();
        for (EcdsaSignatureShare share : shares) {
            Objects.requireNonNull(share, "share");
            if (!share.digest().equals(digest)) {
                throw new CheatingPartyException(share.shareIndex(), "its share signs digest " + share.digest().hex()
                        + " but the digest to sign is " + digest.hex());
            }
            if (!share.publicKey().equals(publicKey)) {
                throw new CheatingPartyException(share.shareIndex(), "its share is for key "
                        + share.publicKey().hex() + " but the key is " + publicKey.hex());
            }
            if (!share.bigR().equals(bigR)) {
                throw new ThresholdException(LitErrorCode.NoValidShares, "the shares disagree on big_r: "
                        + bigR.hex() + " (share index " + shares.get(0).shareIndex() + ") and " + share.bigR().hex()
                        + " (share index " + share.shareIndex() + ")");
            }
        }
        return K256.compressedPoint(bigR.toByteArray(), LitErrorCode.InvalidArgument, "big_r");
    }

    private static void checkCount(List<EcdsaSignatureShare> shares) {
        Objects.requireNonNull(shares, "shares");
        if (shares.isEmpty()) {
            throw new ThresholdException(LitErrorCode.NoValidShares, "no shares to combine");
        }
        if (shares.size() > MAX_SHARES) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "at most " + MAX_SHARES
                    + " shares combine, not " + shares.size());
        }
    }

    private static String indices(List<EcdsaSignatureShare> shares) {
        return shares.stream().map(s -> s.shareIndex()).toList().toString();
    }
}
