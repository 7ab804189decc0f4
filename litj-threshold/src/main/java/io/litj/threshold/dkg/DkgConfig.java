package io.litj.threshold.dkg;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Group;
import java.util.Objects;

/**
 * The fixed parameters of one DKG run, which every party must agree on beforehand.
 *
 * @param group the group of the key ({@link Group#BLS12_381_G1} for a BLS network key)
 * @param parties {@code n}: parties are numbered {@code 1..n} (Lit: node share index + 1)
 * @param threshold {@code t}: any {@code t} shares sign or reconstruct, {@code t − 1} learn nothing
 */
public record DkgConfig(Group group, int parties, int threshold) {
    /** Largest number of parties (Lit share identifiers are one byte). */
    public static final int MAX_PARTIES = 255;

    /**
     * @throws ThresholdException {@code InvalidArgument} unless {@code 1 ≤ threshold ≤ parties ≤ 255}
     */
    public DkgConfig {
        Objects.requireNonNull(group, "group");
        if (parties < 1 || parties > MAX_PARTIES || threshold < 1 || threshold > parties) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "DKG needs 1 ≤ threshold ≤ parties ≤ "
                    + MAX_PARTIES + " but has threshold " + threshold + " and parties " + parties);
        }
    }

    void checkParty(int id, String role) {
        if (id < 1 || id > parties) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    role + " must be a party in 1.." + parties + " but is " + id);
        }
    }
}
