package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.ecdsa.CheatingPartyException;
import io.litj.threshold.ecdsa.ProtocolMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;

/**
 * This party's two-party links to every other party: base OTs, the OT extension and the MtAs of the
 * multiplication, by round. In a pair {@code lo < hi}, {@code lo} sends the base OTs and receives the extended OTs
 * and the MtA outputs {@code β}; {@code hi} does the other side. Per triple {@code m}, MtA instance 0 multiplies
 * {@code e_hi(0)·f_lo(0)} and instance 1 {@code f_hi(0)·e_lo(0)}, on OT rows {@code (2m + instance)·κ …}.
 *
 * <p>Security: holds OT keys and MtA masks; prints nothing.
 */
final class PairLinks {
    /** The inputs to the MtAs: {@code e(0)} or {@code f(0)} of triple {@code m}. */
    interface Inputs {
        BigInteger of(int m, int instance, boolean asSender);
    }

    private final Run run;
    private final int self;
    private final List<Integer> lower;
    private final List<Integer> higher;
    private final Map<Integer, BaseOt.Sender> baseSenders = new TreeMap<>();
    private final Map<Integer, BaseOt.Receiver> baseReceivers = new TreeMap<>();
    private final Map<Integer, OtExtension.Receiver> extReceivers = new TreeMap<>();
    private final Map<Integer, BigInteger[][]> masks = new TreeMap<>();
    private byte[] multiplication;

    PairLinks(Run run) {
        this.run = run;
        this.self = run.self();
        this.lower = run.others().stream().filter(j -> j < self).toList();
        this.higher = run.others().stream().filter(j -> j > self).toList();
    }

    /** Round 1: {@code Y} to every higher party. */
    List<ProtocolMessage> round1() {
        List<ProtocolMessage> out = new ArrayList<>();
        for (int j : higher) {
            BaseOt.Sender s = new BaseOt.Sender(baseContext(self, j), run.random());
            baseSenders.put(j, s);
            out.add(new ProtocolMessage(self, j, Messages.baseY(s.bigY())));
        }
        return out;
    }

    /** Round 2: the points {@code X_i} to every lower party. */
    List<ProtocolMessage> round2() {
        List<ProtocolMessage> out = new ArrayList<>();
        for (int j : lower) {
            BaseOt.Receiver r = new BaseOt.Receiver(baseContext(j, self), run.inbox().get(Kind.BASE_Y, j, ECPoint.class),
                    run.random());
            baseReceivers.put(j, r);
            out.add(new ProtocolMessage(self, j, Messages.baseX(r.bigX())));
        }
        return out;
    }

    /** Round 3: the OT-extension message to every higher party, bound to the run's confirmation hash. */
    List<ProtocolMessage> round3(byte[] confirm) {
        MessageDigest sha = Scalars.sha256();
        sha.update("litj-triples/multiplication".getBytes(StandardCharsets.UTF_8));
        sha.update(run.sessionId());
        sha.update(confirm);
        multiplication = sha.digest();
        List<ProtocolMessage> out = new ArrayList<>();
        for (int j : higher) {
            byte[][][] keys = baseSenders.get(j).keys(run.inbox().get(Kind.BASE_X, j, ECPoint[].class));
            OtExtension.Receiver r = new OtExtension.Receiver(pairContext(self, j), keys, OtExtension.rows(run.count()),
                    run.random());
            extReceivers.put(j, r);
            out.add(new ProtocolMessage(self, j, Messages.extension(run.threshold(), run.count(), r.message())));
        }
        baseSenders.clear();
        return out;
    }

    /**
     * Round 4: checks each lower party's OT extension and sends it the MtA pairs.
     *
     * @throws CheatingPartyException if a lower party's KOS check fails
     */
    List<ProtocolMessage> round4(Inputs inputs) {
        List<ProtocolMessage> out = new ArrayList<>();
        for (int j : lower) {
            BaseOt.Receiver base = baseReceivers.get(j);
            OtExtension.Sender ot = OtExtension.Sender.of(pairContext(j, self), base.delta(), base.keys(),
                    run.inbox().get(Kind.EXTENSION, j, OtExtension.Message.class), OtExtension.rows(run.count()))
                    .orElseThrow(() -> new CheatingPartyException(j, "its OT extension fails the consistency check"));
            BigInteger[][] deltas = new BigInteger[2 * run.count()][];
            BigInteger[][][] cipher = new BigInteger[2 * run.count()][][];
            for (int k = 0; k < 2 * run.count(); k++) {
                deltas[k] = Mta.masks(run.random());
                cipher[k] = Mta.cipher(inputs.of(k / 2, k % 2, true), deltas[k], ot, k * Mta.ELEMENTS);
            }
            masks.put(j, deltas);
            out.add(new ProtocolMessage(self, j, Messages.mtaCipher(run.threshold(), cipher)));
        }
        baseReceivers.clear();
        run.inbox().release(Kind.EXTENSION);
        return out;
    }

    /** Round 5: the MtA receiver's side with every higher party; adds each {@code β} to {@code cross[m]}. */
    List<ProtocolMessage> round5(Inputs inputs, BigInteger[] cross) {
        List<ProtocolMessage> out = new ArrayList<>();
        for (int j : higher) {
            BigInteger[][][] cipher = run.inbox().get(Kind.MTA_CIPHER, j, BigInteger[][][].class);
            List<Mta.Reply> replies = new ArrayList<>();
            for (int k = 0; k < 2 * run.count(); k++) {
                Mta.Received r = Mta.receive(inputs.of(k / 2, k % 2, false), cipher[k], extReceivers.get(j),
                        k * Mta.ELEMENTS, mtaContext(self, j, k), run.random());
                cross[k / 2] = Scalars.FIELD.add(cross[k / 2], r.beta());
                replies.add(r.reply());
            }
            out.add(new ProtocolMessage(self, j, Messages.mtaChi(run.threshold(), replies)));
        }
        extReceivers.clear();
        run.inbox().release(Kind.MTA_CIPHER);
        return out;
    }

    /** After round 5: the MtA sender's side with every lower party; adds each {@code α} to {@code cross[m]}. */
    @SuppressWarnings("unchecked")
    void finishSenders(BigInteger[] cross) {
        for (int j : lower) {
            List<Mta.Reply> replies = run.inbox().get(Kind.MTA_CHI, j, List.class);
            BigInteger[][] deltas = masks.get(j);
            for (int k = 0; k < 2 * run.count(); k++) {
                BigInteger alpha = Mta.finish(deltas[k], replies.get(k), mtaContext(j, self, k));
                cross[k / 2] = Scalars.FIELD.add(cross[k / 2], alpha);
            }
        }
        masks.clear();
    }

    private byte[] baseContext(int lo, int hi) {
        return context("base", run.sessionId(), lo, hi, 0);
    }

    private byte[] pairContext(int lo, int hi) {
        return context("extension", multiplication, lo, hi, 0);
    }

    private byte[] mtaContext(int lo, int hi, int instance) {
        return context("mta", multiplication, lo, hi, instance);
    }

    private static byte[] context(String what, byte[] session, int lo, int hi, int instance) {
        MessageDigest sha = Scalars.sha256();
        sha.update(what.getBytes(StandardCharsets.UTF_8));
        sha.update(Scalars.u32(session.length));
        sha.update(session);
        sha.update(Scalars.u32(lo));
        sha.update(Scalars.u32(hi));
        sha.update(Scalars.u32(instance));
        return sha.digest();
    }

    @Override
    public String toString() {
        return "PairLinks[party=" + self + "]";
    }
}
