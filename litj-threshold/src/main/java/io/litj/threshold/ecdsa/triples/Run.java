package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.ecdsa.Participants;
import java.security.SecureRandom;
import java.util.List;

/**
 * The fixed setting of one party's run, shared by its round logic ({@link TripleRounds}) and its pair links
 * ({@link PairLinks}): the set, this party, the session id, the batch size, the randomness and the inbox.
 */
record Run(Participants participants, int self, byte[] sessionId, int count, SecureRandom random, Inbox inbox) {

    int threshold() {
        return participants.threshold();
    }

    /** The other parties, in index order. */
    List<Integer> others() {
        return participants.indices().stream().filter(j -> j != self).toList();
    }

    @Override
    public String toString() {
        return "Run[party=" + self + " of " + participants.indices() + ", " + count + " triples]";
    }
}
