package io.litj.threshold.ecdsa.triples;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Maurer proofs made non-interactive by Fiat-Shamir over a {@link Transcript}: the Schnorr proof of knowledge of
 * {@code x} with {@code X = x·G} ({@link #proveDlog}) and the proof that {@code X = x·G} and {@code C = x·H} share
 * their discrete logarithm ({@link #proveDlogEq}). A proof is the challenge {@code e} and the response
 * {@code s = k + e·x}; the verifier recomputes the nonce points {@code s·G − e·X} (and {@code s·H − e·C}) and the
 * challenge from them. The nonce {@code k} is a fresh random scalar; secret multiples use the comb method.
 */
final class Proofs {
    /** Bytes of an encoded proof: {@code e ‖ s}, 32 bytes each. */
    static final int SIZE = 64;

    /** A proof: challenge and response, both public. */
    record Proof(BigInteger e, BigInteger s) {
        void write(Wire.Writer w) {
            w.scalar(e).scalar(s);
        }

        static Proof read(Wire.Reader r, String field) {
            return new Proof(r.scalar(field + " challenge"), r.scalar(field + " response"));
        }
    }

    private Proofs() {
    }

    static Proof proveDlog(Transcript t, ECPoint bigX, BigInteger x, SecureRandom random) {
        BigInteger k = Scalars.randomNonZero(random);
        ECPoint r = Points.multiplySecret(Points.G, k);
        BigInteger e = t.challenge(Points.encode(bigX), Points.encode(r));
        return new Proof(e, response(k, e, x));
    }

    static boolean verifyDlog(Transcript t, ECPoint bigX, Proof proof) {
        ECPoint r = nonce(Points.G, bigX, proof);
        return proof.e().equals(t.challenge(Points.encode(bigX), Points.encode(r)));
    }

    static Proof proveDlogEq(Transcript t, ECPoint h, ECPoint bigX, ECPoint bigC, BigInteger x, SecureRandom random) {
        BigInteger k = Scalars.randomNonZero(random);
        ECPoint r1 = Points.multiplySecret(Points.G, k);
        ECPoint r2 = Points.multiplySecret(h, k);
        BigInteger e = t.challenge(Points.encode(h), Points.encode(bigX), Points.encode(bigC), Points.encode(r1),
                Points.encode(r2));
        return new Proof(e, response(k, e, x));
    }

    static boolean verifyDlogEq(Transcript t, ECPoint h, ECPoint bigX, ECPoint bigC, Proof proof) {
        ECPoint r1 = nonce(Points.G, bigX, proof);
        ECPoint r2 = nonce(h, bigC, proof);
        return proof.e().equals(t.challenge(Points.encode(h), Points.encode(bigX), Points.encode(bigC),
                Points.encode(r1), Points.encode(r2)));
    }

    private static BigInteger response(BigInteger k, BigInteger e, BigInteger x) {
        return Scalars.FIELD.add(k, Scalars.FIELD.mul(e, x));
    }

    /** {@code s·base − e·image}, from public values. */
    private static ECPoint nonce(ECPoint base, ECPoint image, Proof proof) {
        BigInteger minusE = Scalars.FIELD.sub(BigInteger.ZERO, proof.e());
        return ECAlgorithms.sumOfTwoMultiplies(base, proof.s(), image, minusE).normalize();
    }
}
