package io.litj.node.ecdsa;

import io.litj.node.keys.PkpKeyShare;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Makes one presignature with the other members of a signing set: a triple run ({@code tri}, two triples) and a
 * presigning run ({@code pre}) over the {@link RunTransport}, both keyed by a seed every member derives from the
 * same request, so all start the same runs without a leader. The presignature's id is the first 16 bytes of
 * {@code SHA-256(seed)}, hex. Triples are used once, for this presignature, and never kept.
 */
final class PresignMaker {
    private final RunTransport runs;
    private final EcdsaScheme scheme;
    private final SecureRandom random;

    PresignMaker(RunTransport runs, EcdsaScheme scheme, SecureRandom random) {
        this.runs = runs;
        this.scheme = scheme;
        this.random = random;
    }

    /** The id of the presignature made from {@code seed}. */
    static String idOf(byte[] seed) {
        return Hex.encode(Arrays.copyOf(Hashes.sha256(seed), 16));
    }

    /** A seed from labelled parts. */
    static byte[] seed(String... parts) {
        return String.join("\n", parts).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs triples and presigning among {@code set}.
     *
     * @throws io.litj.node.LitNodeException {@code NodeSystemFault} if a run fails or times out
     */
    Presignature make(PkpKeyShare key, Participants set, byte[] seed, Duration timeout) {
        byte[] tripleId = concat(seed, "\ntriples");
        List<TripleShare> triples = runs.run("tri", tripleId, set,
                scheme.triples(set, runs.selfIndex(), tripleId, 2, random), timeout);
        return runs.run("pre", concat(seed, "\npresign"), set,
                scheme.presign(set, runs.selfIndex(), key, triples.get(0), triples.get(1)), timeout);
    }

    private static byte[] concat(byte[] seed, String label) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(seed, seed.length + l.length);
        System.arraycopy(l, 0, out, seed.length, l.length);
        return out;
    }
}
