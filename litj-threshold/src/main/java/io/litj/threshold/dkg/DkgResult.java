package io.litj.threshold.dkg;

import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.Share;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a DKG for one party: its secret share of the group key, and the public data every honest party
 * agrees on (the qualified dealers, the group public key, the combined commitments from which anyone computes any
 * party's public key share).
 *
 * <p>Security: {@link #secretShare()} is this party's share {@code x_i = Σ_{j∈QUAL} f_j(i)}; {@link #toString()}
 * shows only public data.
 */
public final class DkgResult {
    private final DkgConfig config;
    private final int id;
    private final List<Integer> qualified;
    private final SortedMap<Integer, String> disqualified;
    private final Share secretShare;
    private final FeldmanCommitments commitments;

    DkgResult(DkgConfig config, int id, List<Integer> qualified, SortedMap<Integer, String> disqualified,
            Share secretShare, FeldmanCommitments commitments) {
        this.config = config;
        this.id = id;
        this.qualified = List.copyOf(qualified);
        this.disqualified = Collections.unmodifiableSortedMap(new TreeMap<>(disqualified));
        this.secretShare = secretShare;
        this.commitments = commitments;
    }

    /** This party's id (its share index). */
    public int id() {
        return id;
    }

    public DkgConfig config() {
        return config;
    }

    /** QUAL: the dealers whose polynomials make up the key, ascending. */
    public List<Integer> qualified() {
        return qualified;
    }

    /** The disqualified dealers with the reason, ascending by id; empty when everyone behaved. */
    public SortedMap<Integer, String> disqualified() {
        return disqualified;
    }

    /** This party's secret share of the group key (index = {@link #id()}). */
    public Share secretShare() {
        return secretShare;
    }

    /** The group public key {@code Σ_{j∈QUAL} C_{j,0}}. */
    public GroupElement groupPublicKey() {
        return commitments.publicKey();
    }

    /** The commitments of the combined polynomial {@code Σ_{j∈QUAL} f_j}: public verification data. */
    public FeldmanCommitments verificationCommitments() {
        return commitments;
    }

    /** Party {@code index}'s public key share {@code x_index · G}, computed from the public data. */
    public GroupElement publicShare(int index) {
        return commitments.publicShare(index);
    }

    @Override
    public String toString() {
        return "DkgResult[id=" + id + " qualified=" + qualified + " key=" + groupPublicKey().toBytes().hex() + "]";
    }
}
