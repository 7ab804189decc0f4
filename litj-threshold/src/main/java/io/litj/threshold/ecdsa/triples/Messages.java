package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.triples.Proofs.Proof;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Encoding and strict decoding of every message kind but {@link Kind#OPEN} (see {@link Opening}). Each decoder
 * checks the exact length for the run's threshold {@code t} and batch size first, then reads fixed-size fields;
 * every failure is a {@code NodeParserError} naming the kind and the sender.
 */
final class Messages {
    private Messages() {
    }

    /** A point with its proof: the body of {@link Kind#PRODUCT} and {@link Kind#RESHARE}, per triple. */
    record PointProof(GroupElement point, Proof proof) {
    }

    static Wire.Writer writer(Kind kind, int t, int count) {
        return new Wire.Writer(kind, kind.bodyLength(t, count));
    }

    static Wire.Reader reader(Kind kind, int from, byte[] payload, int t, int count) {
        return new Wire.Reader(kind, from, payload, kind.bodyLength(t, count));
    }

    static byte[] baseY(ECPoint y) {
        return writer(Kind.BASE_Y, 1, 1).point(y).finish();
    }

    static ECPoint baseY(byte[] payload, int from) {
        Wire.Reader r = reader(Kind.BASE_Y, from, payload, 1, 1);
        ECPoint y = r.point("base-OT point Y");
        r.end();
        if (y.isInfinity()) {
            throw new ThresholdException(LitErrorCode.NodeParserError,
                    "base-OT point Y from party " + from + " is the identity");
        }
        return y;
    }

    static byte[] baseX(ECPoint[] x) {
        Wire.Writer w = writer(Kind.BASE_X, 1, 1);
        for (ECPoint p : x) {
            w.point(p);
        }
        return w.finish();
    }

    static ECPoint[] baseX(byte[] payload, int from) {
        Wire.Reader r = reader(Kind.BASE_X, from, payload, 1, 1);
        ECPoint[] x = new ECPoint[BaseOt.COUNT];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.point("base-OT point X_" + i);
        }
        r.end();
        return x;
    }

    /** Secret scalars, {@code perTriple} per triple: the body of {@link Kind#SHARES} (2) and {@link Kind#C_SHARES} (1). */
    static byte[] secrets(Kind kind, int t, List<SecretScalar> values) {
        Wire.Writer w = writer(kind, t, values.size() / (kind == Kind.SHARES ? 2 : 1));
        values.forEach(w::secret);
        return w.finish();
    }

    static List<SecretScalar> secrets(Kind kind, byte[] payload, int from, int t, int count) {
        Wire.Reader r = reader(kind, from, payload, t, count);
        int n = count * (kind == Kind.SHARES ? 2 : 1);
        List<SecretScalar> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.secret(kind + " value " + i));
        }
        r.end();
        return out;
    }

    static byte[] pointProofs(Kind kind, int t, List<PointProof> values) {
        Wire.Writer w = writer(kind, t, values.size());
        for (PointProof v : values) {
            w.point(v.point());
            v.proof().write(w);
        }
        return w.finish();
    }

    static List<PointProof> pointProofs(Kind kind, byte[] payload, int from, int t, int count) {
        Wire.Reader r = reader(kind, from, payload, t, count);
        List<PointProof> out = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            out.add(new PointProof(r.element(kind + " point " + m), Proof.read(r, kind + " proof " + m)));
        }
        r.end();
        return out;
    }

    static byte[] extension(int t, int count, OtExtension.Message m) {
        Wire.Writer w = writer(Kind.EXTENSION, t, count);
        m.write(w);
        return w.finish();
    }

    static OtExtension.Message extension(byte[] payload, int from, int t, int count) {
        Wire.Reader r = reader(Kind.EXTENSION, from, payload, t, count);
        OtExtension.Message m = OtExtension.Message.read(r, OtExtension.rows(count));
        r.end();
        return m;
    }

    /** {@code [instance][i][bit]}, two MtA instances per triple. */
    static byte[] mtaCipher(int t, BigInteger[][][] c) {
        Wire.Writer w = writer(Kind.MTA_CIPHER, t, c.length / 2);
        for (BigInteger[][] instance : c) {
            for (BigInteger[] pair : instance) {
                w.scalar(pair[0]).scalar(pair[1]);
            }
        }
        return w.finish();
    }

    static BigInteger[][][] mtaCipher(byte[] payload, int from, int t, int count) {
        Wire.Reader r = reader(Kind.MTA_CIPHER, from, payload, t, count);
        BigInteger[][][] c = new BigInteger[2 * count][Mta.ELEMENTS][2];
        for (BigInteger[][] instance : c) {
            for (BigInteger[] pair : instance) {
                pair[0] = r.scalar("MtA c0");
                pair[1] = r.scalar("MtA c1");
            }
        }
        r.end();
        return c;
    }

    static byte[] mtaChi(int t, List<Mta.Reply> replies) {
        Wire.Writer w = writer(Kind.MTA_CHI, t, replies.size() / 2);
        for (Mta.Reply reply : replies) {
            w.bytes(reply.seed()).scalar(reply.chi0());
        }
        return w.finish();
    }

    static List<Mta.Reply> mtaChi(byte[] payload, int from, int t, int count) {
        Wire.Reader r = reader(Kind.MTA_CHI, from, payload, t, count);
        List<Mta.Reply> out = new ArrayList<>(2 * count);
        for (int i = 0; i < 2 * count; i++) {
            out.add(new Mta.Reply(r.bytes(Mta.SEED), r.scalar("MtA chi0")));
        }
        r.end();
        return out;
    }

    static byte[] commit(byte[] commitment) {
        return writer(Kind.COMMIT, 1, 1).bytes(commitment).finish();
    }

    static byte[] commit(byte[] payload, int from) {
        Wire.Reader r = reader(Kind.COMMIT, from, payload, 1, 1);
        byte[] c = r.bytes(Commitments.SIZE);
        r.end();
        return c;
    }
}
