package io.litj.threshold.testing;

import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trusted dealer of Beaver triples for tests only: it picks {@code a}, {@code b}, sets {@code c = a·b}, shares
 * each with a random polynomial of the set's threshold and hands every party its {@link TripleShare} with the
 * Feldman commitments. Real triples come from {@code io.litj.threshold.ecdsa.triples}, where no one knows them.
 */
public final class DealtTriples {
    private DealtTriples() {
    }

    /** One triple, dealt to every party of {@code set}, by share index. */
    public static Map<Integer, TripleShare> deal(Participants set, SecureRandom random) {
        Group g = Group.SECP256K1;
        SecretScalar a = SecretScalar.random(g, random);
        SecretScalar b = SecretScalar.random(g, random);
        BigInteger c = new BigInteger(1, a.exportSecret()).multiply(new BigInteger(1, b.exportSecret()))
                .mod(g.order());
        Polynomial fa = Polynomial.random(a, set.threshold(), random);
        Polynomial fb = Polynomial.random(b, set.threshold(), random);
        Polynomial fc = Polynomial.random(scalar(c), set.threshold(), random);
        Map<Integer, TripleShare> out = new TreeMap<>();
        for (int i : set.indices()) {
            out.put(i, new TripleShare(set, fa.evaluate(i), fb.evaluate(i), fc.evaluate(i), fa.commitments(),
                    fb.commitments(), fc.commitments()));
        }
        return out;
    }

    /** The share of party {@code i} with its value plus one (a cheater's share; no longer matches commitments). */
    public static Share plusOne(Share s) {
        BigInteger v = new BigInteger(1, s.value().exportSecret()).add(BigInteger.ONE).mod(s.group().order());
        return Share.of(s.index(), scalar(v));
    }

    private static SecretScalar scalar(BigInteger v) {
        byte[] out = new byte[32];
        byte[] raw = v.toByteArray();
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return SecretScalar.of(Group.SECP256K1, out);
    }
}
