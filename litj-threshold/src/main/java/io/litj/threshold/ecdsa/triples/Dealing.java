package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * This party's own polynomials for each triple of a run: {@code e} and {@code f} of degree {@code t−1} with random
 * constants {@code e(0)}, {@code f(0)} (its additive parts of {@code a} and {@code b}), and {@code l} with
 * {@code l(0) = 0} (to re-share its part of {@code c}); with their Feldman commitments {@code E, F, L}.
 *
 * <p>Security: holds secrets; prints the triple count only.
 */
final class Dealing {
    private final List<SecretScalar> e0 = new ArrayList<>();
    private final List<SecretScalar> f0 = new ArrayList<>();
    private final List<Polynomial> e = new ArrayList<>();
    private final List<Polynomial> f = new ArrayList<>();
    private final List<Polynomial> l = new ArrayList<>();
    private final List<Opening.Polys> commitments = new ArrayList<>();

    Dealing(int threshold, int count, SecureRandom random) {
        SecretScalar zero = Scalars.secret(BigInteger.ZERO);
        for (int m = 0; m < count; m++) {
            e0.add(SecretScalar.random(Scalars.GROUP, random));
            f0.add(SecretScalar.random(Scalars.GROUP, random));
            e.add(Polynomial.random(e0.get(m), threshold, random));
            f.add(Polynomial.random(f0.get(m), threshold, random));
            l.add(Polynomial.random(zero, threshold, random));
            List<GroupElement> lc = l.get(m).commitments().coefficients();
            commitments.add(new Opening.Polys(e.get(m).commitments(), f.get(m).commitments(),
                    lc.subList(1, lc.size())));
        }
    }

    SecretScalar e0(int m) {
        return e0.get(m);
    }

    SecretScalar f0(int m) {
        return f0.get(m);
    }

    Share e(int m, int index) {
        return e.get(m).evaluate(index);
    }

    Share f(int m, int index) {
        return f.get(m).evaluate(index);
    }

    /** {@code l_0 + l(index)}: this party's re-sharing of its part {@code l_0} of {@code c}. */
    Share c(int m, int index, SecretScalar l0) {
        return Share.of(index, l0).add(l.get(m).evaluate(index));
    }

    /** The commitments {@code E, F} and the non-constant coefficients of {@code L}, per triple. */
    List<Opening.Polys> commitments() {
        return List.copyOf(commitments);
    }

    FeldmanCommitments bigE(int m) {
        return commitments.get(m).e();
    }

    FeldmanCommitments bigF(int m) {
        return commitments.get(m).f();
    }

    @Override
    public String toString() {
        return "Dealing[" + e0.size() + " triples]";
    }
}
