package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitBugException;
import io.litj.threshold.ecdsa.CheatingPartyException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Share;
import java.util.Map;

/**
 * The sum of the sharings that every party dealt, checked against the sum of their Feldman commitments: one check
 * when everyone was honest, and a check per dealer to name the cheater when the sum does not fit.
 *
 * @param commitments the commitments of the summed polynomial
 * @param share this party's share of it
 */
record SharedSum(FeldmanCommitments commitments, Share share) {

    /**
     * @param dealt each dealer's commitments and the share it gave this party, by dealer index
     * @throws CheatingPartyException naming the first dealer whose share does not match its commitments
     */
    static SharedSum verified(Map<Integer, FeldmanCommitments> dealt, Map<Integer, Share> shares, String what) {
        FeldmanCommitments sum = null;
        Share total = null;
        for (Map.Entry<Integer, FeldmanCommitments> e : dealt.entrySet()) {
            sum = sum == null ? e.getValue() : sum.add(e.getValue());
            Share s = shares.get(e.getKey());
            total = total == null ? s : total.add(s);
        }
        if (sum.publicShare(total.index()).equals(total.publicValue())) {
            return new SharedSum(sum, total);
        }
        for (Map.Entry<Integer, FeldmanCommitments> e : dealt.entrySet()) {
            Share s = shares.get(e.getKey());
            if (!e.getValue().publicShare(s.index()).equals(s.publicValue())) {
                throw new CheatingPartyException(e.getKey(), "its " + what + " does not match its commitments");
            }
        }
        throw new LitBugException("a sum of matching shares does not match the summed commitments");
    }
}
