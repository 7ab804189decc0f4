package io.litj.threshold.dkg;

import io.litj.threshold.shamir.FeldmanCommitments;
import java.util.Objects;

/**
 * Round 1 broadcast: a dealer's Feldman commitments to its random polynomial. Public.
 *
 * @param sender the dealer
 * @param commitments {@code a_{sender,0}·G … a_{sender,t−1}·G}
 */
public record DkgCommitment(int sender, FeldmanCommitments commitments) implements DkgMessage {
    public DkgCommitment {
        Objects.requireNonNull(commitments, "commitments");
    }
}
