package io.litj.threshold.dkg;

import java.util.List;

/**
 * What a party sends in round 1: one broadcast and one private share per other party (ordered by recipient).
 * Holds secrets (the private shares), so it never prints them.
 */
public final class DkgRound1 {
    private final DkgCommitment broadcast;
    private final List<DkgPrivateShare> privateShares;

    DkgRound1(DkgCommitment broadcast, List<DkgPrivateShare> privateShares) {
        this.broadcast = broadcast;
        this.privateShares = List.copyOf(privateShares);
    }

    /** To every other party. */
    public DkgCommitment broadcast() {
        return broadcast;
    }

    /** Each to its recipient only. */
    public List<DkgPrivateShare> privateShares() {
        return privateShares;
    }

    @Override
    public String toString() {
        return "DkgRound1[from " + broadcast.sender() + ", " + privateShares.size() + " private shares]";
    }
}
