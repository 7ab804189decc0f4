package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.ecdsa.triples.Proofs.Proof;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.GroupElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The round-2 broadcast ({@link Kind#OPEN}): the sender's confirmation hash, the randomness and opening of its
 * round-1 commitment (per triple: {@code E} and {@code F}, {@code t} points each, and {@code L} without its
 * constant term, {@code t−1} points), then per triple the Schnorr proofs for {@code E(0)} and {@code F(0)}.
 * Layout: {@code confirm(32) ‖ r(32) ‖ polys ‖ proofs}; the commitment covers the {@code polys} bytes as received.
 *
 * @param polyBytes the encoded {@code polys}, exactly as sent
 */
record Opening(byte[] confirm, byte[] randomness, List<Polys> polys, byte[] polyBytes, List<Proof[]> proofs) {

    /** One triple's polynomial commitments; {@code lRest} are {@code L_1 … L_{t−1}} ({@code L_0} is the identity). */
    record Polys(FeldmanCommitments e, FeldmanCommitments f, List<GroupElement> lRest) {
    }

    static byte[] encodePolys(List<Polys> polys, int t) {
        Wire.Writer w = new Wire.Writer(Kind.OPEN, polys.size() * (3 * t - 1) * Points.SIZE);
        for (Polys p : polys) {
            p.e().coefficients().forEach(w::point);
            p.f().coefficients().forEach(w::point);
            p.lRest().forEach(w::point);
        }
        byte[] out = w.finish();
        return Arrays.copyOfRange(out, 1, out.length);
    }

    byte[] encode(int t) {
        Wire.Writer w = new Wire.Writer(Kind.OPEN, Kind.OPEN.bodyLength(t, polys.size()));
        w.bytes(confirm).bytes(randomness).bytes(polyBytes);
        for (Proof[] p : proofs) {
            p[0].write(w);
            p[1].write(w);
        }
        return w.finish();
    }

    static Opening decode(byte[] payload, int from, int t, int count) {
        Wire.Reader r = new Wire.Reader(Kind.OPEN, from, payload, Kind.OPEN.bodyLength(t, count));
        byte[] confirm = r.bytes(Commitments.SIZE);
        byte[] randomness = r.bytes(Commitments.SIZE);
        int start = r.position();
        List<Polys> polys = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            polys.add(new Polys(new FeldmanCommitments(points(r, t, "E")), new FeldmanCommitments(points(r, t, "F")),
                    points(r, t - 1, "L")));
        }
        byte[] polyBytes = r.range(start, r.position());
        List<Proof[]> proofs = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            proofs.add(new Proof[] {Proof.read(r, "proof of E(0)"), Proof.read(r, "proof of F(0)")});
        }
        r.end();
        return new Opening(confirm, randomness, polys, polyBytes, proofs);
    }

    private static List<GroupElement> points(Wire.Reader r, int n, String name) {
        List<GroupElement> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.element("coefficient " + i + " of " + name));
        }
        return out;
    }
}
