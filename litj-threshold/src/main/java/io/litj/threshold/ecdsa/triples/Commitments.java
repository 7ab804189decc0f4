package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.internal.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Hash commitments (round 1) and the confirmation hash over all of them (round 2): {@code Com_i =
 * SHA-256("litj-triples/commit" ‖ sid ‖ i ‖ r_i ‖ opening)} with 32 random bytes {@code r_i}, binding a party to
 * its polynomial commitments before it sees anyone else's.
 */
final class Commitments {
    static final int SIZE = 32;

    private Commitments() {
    }

    static byte[] commit(byte[] sessionId, int party, byte[] randomness, byte[] opening) {
        MessageDigest sha = Scalars.sha256();
        sha.update("litj-triples/commit".getBytes(StandardCharsets.UTF_8));
        sha.update(Scalars.u32(sessionId.length));
        sha.update(sessionId);
        sha.update(Scalars.u32(party));
        sha.update(randomness);
        sha.update(opening);
        return sha.digest();
    }

    static boolean opens(byte[] commitment, byte[] sessionId, int party, byte[] randomness, byte[] opening) {
        return Secrets.equal(commitment, commit(sessionId, party, randomness, opening));
    }

    /** The hash of every party's commitment, in index order. */
    static byte[] confirm(List<byte[]> commitmentsInOrder) {
        MessageDigest sha = Scalars.sha256();
        sha.update("litj-triples/confirm".getBytes(StandardCharsets.UTF_8));
        for (byte[] c : commitmentsInOrder) {
            sha.update(c);
        }
        return sha.digest();
    }
}
