package io.litj.threshold.testing;

import io.litj.threshold.dkg.DkgComplaint;
import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.dkg.DkgMessage;
import io.litj.threshold.dkg.DkgParty;
import io.litj.threshold.dkg.DkgPrivateShare;
import io.litj.threshold.dkg.DkgResult;
import io.litj.threshold.dkg.DkgReveal;
import io.litj.threshold.dkg.DkgRound1;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a whole DKG in memory: {@code n} {@link DkgParty}s, a perfect synchronous network (every broadcast reaches
 * every other party, private shares only their recipient), rounds ended in lock step. Optionally one party cheats
 * in one of the ways of {@link Cheat}. Records every party's inbox so tests can check what each party saw.
 */
public final class LocalDkgRunner {
    /** How the cheating party misbehaves. */
    public enum Cheat {
        /** Behaves. */
        NONE,
        /** Sends the victim a wrong share, and reveals the same wrong share when accused. */
        BAD_SHARE_BAD_REVEAL,
        /** Sends the victim a wrong share and ignores the complaint. */
        BAD_SHARE_NO_REVEAL,
        /** Sends the victim a wrong share, then reveals the correct one when accused. */
        BAD_SHARE_GOOD_REVEAL,
        /** Deals honestly but falsely accuses the victim. */
        FALSE_COMPLAINT,
        /** Sends nothing in round 1 (no commitments, no shares). */
        SILENT
    }

    /** What came out: results of the parties that finished, failures of those that did not, and inboxes. */
    public record Outcome(Map<Integer, DkgResult> results, Map<Integer, ThresholdException> failures,
            Map<Integer, List<DkgMessage>> inboxes, List<DkgComplaint> complaints, List<DkgReveal> reveals) {
    }

    private final DkgConfig config;
    private final long seed;
    private int cheater;
    private int victim;
    private Cheat cheat = Cheat.NONE;

    private LocalDkgRunner(DkgConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /** A run where every party behaves; party {@code i} draws from {@code SeededRandom(seed * 1000 + i)}. */
    public static LocalDkgRunner of(DkgConfig config, long seed) {
        return new LocalDkgRunner(config, seed);
    }

    /** Makes party {@code cheater} misbehave towards {@code victim}. */
    public LocalDkgRunner withCheater(int cheater, int victim, Cheat how) {
        this.cheater = cheater;
        this.victim = victim;
        this.cheat = how;
        return this;
    }

    public Outcome run() {
        int n = config.parties();
        Map<Integer, DkgParty> parties = new LinkedHashMap<>();
        Map<Integer, List<DkgMessage>> inboxes = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
            parties.put(i, DkgParty.create(config, i, new SeededRandom(seed * 1000 + i)));
            inboxes.put(i, new ArrayList<>());
        }
        // round 1
        for (DkgParty p : parties.values()) {
            DkgRound1 r1 = p.start();
            if (isCheater(p.id(), Cheat.SILENT)) {
                continue;
            }
            broadcast(parties, inboxes, r1.broadcast());
            for (DkgPrivateShare s : r1.privateShares()) {
                DkgPrivateShare sent = s;
                if (p.id() == cheater && s.recipient() == victim && badShare()) {
                    sent = DkgPrivateShare.of(s.sender(), s.recipient(), tamper(s.share()));
                }
                deliver(parties, inboxes, sent.recipient(), sent);
            }
        }
        // round 2: complaints
        List<DkgComplaint> complaints = new ArrayList<>();
        for (DkgParty p : parties.values()) {
            List<DkgComplaint> own = new ArrayList<>(p.checkShares());
            if (isCheater(p.id(), Cheat.FALSE_COMPLAINT)) {
                own.add(new DkgComplaint(p.id(), victim));
            }
            complaints.addAll(own);
        }
        for (DkgComplaint c : complaints) {
            broadcast(parties, inboxes, c);
        }
        // round 3: reveals
        List<DkgReveal> reveals = new ArrayList<>();
        for (DkgParty p : parties.values()) {
            for (DkgReveal r : p.answerComplaints()) {
                if (p.id() == cheater && r.accuser() == victim) {
                    if (cheat == Cheat.BAD_SHARE_NO_REVEAL) {
                        continue;
                    }
                    if (cheat == Cheat.BAD_SHARE_BAD_REVEAL) {
                        r = DkgReveal.of(r.sender(), r.accuser(), tamper(r.share()));
                    }
                }
                reveals.add(r);
            }
        }
        for (DkgReveal r : reveals) {
            broadcast(parties, inboxes, r);
        }
        Map<Integer, DkgResult> results = new TreeMap<>();
        Map<Integer, ThresholdException> failures = new TreeMap<>();
        for (DkgParty p : parties.values()) {
            try {
                results.put(p.id(), p.finish());
            } catch (ThresholdException e) {
                failures.put(p.id(), e);
            }
        }
        return new Outcome(results, failures, inboxes, List.copyOf(complaints), List.copyOf(reveals));
    }

    private boolean isCheater(int id, Cheat how) {
        return id == cheater && cheat == how;
    }

    private boolean badShare() {
        return cheat == Cheat.BAD_SHARE_BAD_REVEAL || cheat == Cheat.BAD_SHARE_NO_REVEAL
                || cheat == Cheat.BAD_SHARE_GOOD_REVEAL;
    }

    /** The share with value + 1. */
    private Share tamper(Share s) {
        BigInteger q = s.group().order();
        BigInteger v = new BigInteger(1, s.value().exportSecret()).add(BigInteger.ONE).mod(q);
        byte[] out = new byte[32];
        byte[] raw = v.toByteArray();
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return Share.of(s.index(), SecretScalar.of(s.group(), out));
    }

    private static void broadcast(Map<Integer, DkgParty> parties, Map<Integer, List<DkgMessage>> inboxes,
            DkgMessage m) {
        for (int i : parties.keySet()) {
            if (i != m.sender()) {
                deliver(parties, inboxes, i, m);
            }
        }
    }

    private static void deliver(Map<Integer, DkgParty> parties, Map<Integer, List<DkgMessage>> inboxes, int to,
            DkgMessage m) {
        inboxes.get(to).add(m);
        parties.get(to).receive(m);
    }
}
