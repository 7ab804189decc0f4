package io.litj.node.ecdsa;

import io.litj.node.keys.PkpKeyShare;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes presignatures with the other members of a signing set: a triple run ({@code tri}, two triples per
 * presignature, one batch) and a presigning run ({@code pre}) per presignature over the {@link RunTransport}, all
 * keyed by a seed every member derives from the same request, so all start the same runs without a leader. The presignature's id is the first 16 bytes of
 * {@code SHA-256(seed)}, hex. Triples are used once, for this presignature, and never kept.
 */
final class PresignMaker {
    /**
     * Most presignatures of one batch: two, i.e. four triples, whose largest triple message (48 KiB of MtA
     * ciphertexts per triple, {@code docs/ecdsa-triples.md}) sets {@link RunTransport#MAX_PAYLOAD_BYTES}.
     */
    static final int MAX_BATCH = 2;

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
        return makeBatch(key, set, seed, 1, timeout).get(0);
    }

    /**
     * Makes {@code count} presignatures (1..{@value #MAX_BATCH}) from one batch of {@code 2·count} triples (one triple
     * run, so the oblivious-transfer set-up is paid once), then one presigning run each. The {@code j}-th is made
     * from seed {@link #batchSeed}{@code (seed, j)}; the first of a batch of one from {@code seed} itself.
     *
     * @throws io.litj.node.LitNodeException {@code NodeSystemFault} if a run fails or times out
     */
    List<Presignature> makeBatch(PkpKeyShare key, Participants set, byte[] seed, int count, Duration timeout) {
        if (count < 1 || count > MAX_BATCH) {
            throw new IllegalArgumentException("a batch makes 1.." + MAX_BATCH + " presignatures, not " + count);
        }
        byte[] tripleId = concat(seed, "\ntriples");
        List<TripleShare> triples = runs.run("tri", tripleId, set,
                scheme.triples(set, runs.selfIndex(), tripleId, 2 * count, random), timeout);
        List<Presignature> out = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            out.add(runs.run("pre", concat(batchSeed(seed, count, j), "\npresign"), set,
                    scheme.presign(set, runs.selfIndex(), key, triples.get(2 * j), triples.get(2 * j + 1)), timeout));
        }
        return out;
    }

    /** The seed of the {@code j}-th presignature of a batch of {@code count} made from {@code seed}. */
    static byte[] batchSeed(byte[] seed, int count, int j) {
        return count == 1 ? seed : concat(seed, "\nbatch " + j);
    }

    private static byte[] concat(byte[] seed, String label) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(seed, seed.length + l.length);
        System.arraycopy(l, 0, out, seed.length, l.length);
        return out;
    }
}
