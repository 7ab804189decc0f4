package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.GroupElement;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public data of one presignature with which anyone checks a party's linearized signature share by itself: the
 * parties, the nonce point {@code R}, and for every party {@code j} its {@code K_j = k_j·G} and
 * {@code Σ_j = σ_j·G}. Party {@code j}'s share of digest {@code m} must satisfy
 * {@code s_j·G = λ_j·(m·K_j + r·Σ_j)} ({@link #expected}), with {@code λ_j} the Lagrange coefficient at 0 over the
 * parties and {@code r = x(R) mod n}. Holds no secret. Immutable and thread-safe.
 */
public final class ShareCommitments {
    private final Participants participants;
    private final GroupElement bigR;
    private final Map<Integer, GroupElement> bigK;
    private final Map<Integer, GroupElement> bigSigma;
    private final Map<Integer, BigInteger> lambdas;

    private ShareCommitments(Participants participants, GroupElement bigR, Map<Integer, GroupElement> bigK,
            Map<Integer, GroupElement> bigSigma) {
        this.participants = participants;
        this.bigR = bigR;
        this.bigK = bigK;
        this.bigSigma = bigSigma;
        this.lambdas = PresignatureShare.lagrange(participants);
    }

    /** From checked points (the presignature's own data). */
    static ShareCommitments of(Participants participants, GroupElement bigR, Map<Integer, GroupElement> bigK,
            Map<Integer, GroupElement> bigSigma) {
        return new ShareCommitments(participants, bigR, Map.copyOf(bigK), Map.copyOf(bigSigma));
    }

    /**
     * Reads public data as a node sends it: 33-byte compressed points, {@code K_j} and {@code Σ_j} for exactly the
     * parties.
     *
     * @throws ThresholdException {@code InvalidArgument} for a point that is not on the curve or data that does not
     *     cover exactly the parties
     */
    public static ShareCommitments parse(Participants participants, Bytes bigR, Map<Integer, Bytes> bigK,
            Map<Integer, Bytes> bigSigma) {
        Objects.requireNonNull(participants, "participants");
        Set<Integer> parties = Set.copyOf(participants.indices());
        if (!bigK.keySet().equals(parties) || !bigSigma.keySet().equals(parties)) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "share commitments must cover exactly the "
                    + "parties " + participants.indices());
        }
        Map<Integer, GroupElement> k = new TreeMap<>();
        Map<Integer, GroupElement> sigma = new TreeMap<>();
        for (int j : participants.indices()) {
            k.put(j, point(bigK.get(j), "K_" + j));
            sigma.put(j, point(bigSigma.get(j), "Σ_" + j));
        }
        GroupElement r = point(bigR, "R");
        if (r.isIdentity() || K256.r(r).signum() == 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "R " + bigR.hex() + " is not usable");
        }
        return of(participants, r, k, sigma);
    }

    private static GroupElement point(Bytes encoded, String what) {
        return K256.compressedPoint(Objects.requireNonNull(encoded, what).toByteArray(), LitErrorCode.InvalidArgument,
                what);
    }

    /** The parties. */
    public Participants participants() {
        return participants;
    }

    /** {@code R}. */
    public GroupElement bigR() {
        return bigR;
    }

    /** Party {@code index}'s {@code K_j}. */
    public GroupElement bigK(int index) {
        return require(bigK, index);
    }

    /** Party {@code index}'s {@code Σ_j}. */
    public GroupElement bigSigma(int index) {
        return require(bigSigma, index);
    }

    /**
     * What party {@code index}'s signature share of {@code digest32} must be times {@code G}:
     * {@code λ_j·(m·K_j + r·Σ_j)}.
     *
     * @throws ThresholdException {@code InvalidArgument} for a party outside the set or a digest not 32 bytes
     */
    public GroupElement expected(int index, byte[] digest32) {
        BigInteger m = K256.digestScalar(digest32);
        BigInteger r = K256.r(bigR);
        BigInteger lambda = lambdas.get(index);
        return bigK(index).multiply(K256.N.mul(lambda, m)).add(bigSigma(index).multiply(K256.N.mul(lambda, r)));
    }

    /** True if {@code share} (a 32-byte scalar) is party {@code index}'s right share of {@code digest32}. */
    public boolean matches(int index, Bytes share, byte[] digest32) {
        BigInteger s = new BigInteger(1, share.toByteArray());
        return s.compareTo(K256.N.order()) < 0 && K256.timesGenerator(s).equals(expected(index, digest32));
    }

    private GroupElement require(Map<Integer, GroupElement> data, int index) {
        GroupElement e = data.get(index);
        if (e == null) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "party " + index + " is not among "
                    + participants.indices());
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShareCommitments c && c.participants.equals(participants) && c.bigR.equals(bigR)
                && c.bigK.equals(bigK) && c.bigSigma.equals(bigSigma);
    }

    @Override
    public int hashCode() {
        return Objects.hash(participants, bigR, bigK, bigSigma);
    }

    @Override
    public String toString() {
        return "ShareCommitments[parties=" + participants.indices() + ", R=" + bigR.toBytes().hex() + "]";
    }
}
