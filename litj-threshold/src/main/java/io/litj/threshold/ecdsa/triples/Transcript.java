package io.litj.threshold.ecdsa.triples;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A Fiat-Shamir transcript: an immutable SHA-256 chain over labelled, length-prefixed items. {@link #add} and
 * {@link #fork} return a new transcript that also covers the item; {@link #challenge} derives a scalar from the
 * whole history and the proof's own statement and commitment. Public data only.
 */
final class Transcript {
    private final byte[] state;

    private Transcript(byte[] state) {
        this.state = state;
    }

    static Transcript start(String protocol) {
        return new Transcript(new byte[32]).add("protocol", protocol.getBytes(StandardCharsets.UTF_8));
    }

    Transcript add(String label, byte[] data) {
        MessageDigest sha = Scalars.sha256();
        sha.update(state);
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        sha.update(Scalars.u32(l.length));
        sha.update(l);
        sha.update(Scalars.u32(data.length));
        sha.update(data);
        return new Transcript(sha.digest());
    }

    Transcript add(String label, int value) {
        return add(label, Scalars.u32(value));
    }

    /** A transcript for one proof: the tag, the prover and the triple of the batch. */
    Transcript fork(String tag, int party, int triple) {
        return add("tag", tag.getBytes(StandardCharsets.UTF_8)).add("party", party).add("triple", triple);
    }

    BigInteger challenge(byte[]... items) {
        Transcript t = this;
        for (byte[] item : items) {
            t = t.add("item", item);
        }
        return Scalars.hash(t.state, "challenge".getBytes(StandardCharsets.UTF_8));
    }

    byte[] digest() {
        return state.clone();
    }
}
