package io.litj.threshold.ecdsa;

import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Share;

/**
 * Presigning (cait-sith, {@code docs/ecdsa.md}): the parties of a signing set turn two Beaver triples and their
 * key shares into a {@link PresignatureShare} each, in one broadcast round, without anyone learning the nonce
 * {@code k} or the key.
 *
 * <p>With triples {@code (k, d, kd)} ({@code first}) and {@code (a, b, c)} ({@code second}), each party
 * broadcasts its linearized {@code kd_i}, {@code ka_i = λ_i(k_i + a_i)} and {@code xb_i = λ_i(x_i + b_i)}; every
 * value is checked on arrival against the sender's public shares, computed from the Feldman commitments of the
 * triples and of the key, so a wrong value names its sender ({@link CheatingPartyException}). Then
 * {@code R = (kd)⁻¹·D = k⁻¹·G} and {@code σ_i = ka·x_i − xb·a_i + c_i}, a share of {@code k·x}.
 *
 * <p>Each triple must be used for this one presignature only, and the two must differ: using either twice
 * reveals the key.
 */
public final class Presigning {
    private Presigning() {
    }

    /**
     * One party's side of presigning among {@code set}.
     *
     * @param set the signing set: its threshold is the key's; every party of it signs with the presignature
     * @param self this party's share index, a member of {@code set}
     * @param keyShare this party's secp256k1 key share ({@code index == self})
     * @param keyCommitments the key's Feldman commitments (threshold {@code t} over all nodes)
     * @param first the triple that gives the nonce {@code k} (its {@code a}) and the blinding {@code d}
     * @param second the triple that multiplies {@code k} with the key
     * @throws io.litj.threshold.ThresholdException {@code InvalidArgument} if the shares are not this party's,
     *     thresholds differ, the key share does not match its commitments, the triples' sets do not include
     *     {@code set}, or the two triples share a value (the same triple twice, say)
     */
    public static RoundProtocol<PresignatureShare> create(Participants set, int self, Share keyShare,
            FeldmanCommitments keyCommitments, TripleShare first, TripleShare second) {
        return PresignParty.create(set, self, keyShare, keyCommitments, first, second);
    }
}
