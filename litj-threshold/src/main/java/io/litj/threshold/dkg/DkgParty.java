package io.litj.threshold.dkg;

import io.litj.protocol.LitBugException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.shamir.Share;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One party's side of a joint-Feldman distributed key generation (Pedersen 1991, with the complaint phase of
 * Gennaro, Jarecki, Krawczyk and Rabin, "Secure distributed key generation for discrete-log based cryptosystems",
 * 2007). Transport-agnostic: it consumes and produces {@link DkgMessage}s; moving them, and deciding when a round
 * is over, is the caller's job.
 *
 * <p>The rounds, each ended by the caller once it has delivered what the round brought:
 * <ol>
 *   <li>{@link #start()}: draws a random polynomial {@code f_i} of degree {@code t−1} from the injected random
 *       source; returns its Feldman commitments (broadcast) and {@code f_i(j)} for every other party {@code j}
 *       (private). Deliver the others' {@link DkgCommitment}s and {@link DkgPrivateShare}s with
 *       {@link #receive}.</li>
 *   <li>{@link #checkShares()}: checks each received share against its dealer's commitments and returns a
 *       {@link DkgComplaint} (broadcast) per dealer whose share is missing or wrong. Deliver the others'
 *       complaints.</li>
 *   <li>{@link #answerComplaints()}: for each complaint against this party, returns a {@link DkgReveal}
 *       (broadcast) publishing the disputed share. Deliver the others' reveals.</li>
 *   <li>{@link #finish()}: decides the qualified set and returns the {@link DkgResult}.</li>
 * </ol>
 * Messages of a round may arrive before this party has started that round (they are kept); messages of a round
 * this party has closed are refused.
 *
 * <p>Disqualification (everyone decides identically from the broadcasts): a dealer is disqualified if it
 * broadcast no commitments; or if {@code t} or more parties complained about it (answering would publish {@code t}
 * of its shares, and so its secret); or if any complaint about it was not answered by a revealed share that
 * matches its commitments. A complaint answered correctly is dismissed, and the accuser uses the revealed share.
 * QUAL is the set of the other dealers; the run fails unless it has at least {@code t} members, so that at least
 * one honest dealer contributes when at most {@code t−1} parties are corrupt.
 *
 * <p>What a party learns: its own polynomial; from each other dealer, the commitments (public) and the one share
 * addressed to it; the shares revealed in answers to complaints (public by then). Never another dealer's whole
 * polynomial, nor the group secret.
 *
 * <p>Deterministic given the random source and the order of calls. Not thread-safe: drive one party from one
 * thread (or synchronize). Security: holds its polynomial until {@link #finish()}, then drops it; never prints
 * secrets.
 */
public final class DkgParty {
    /** Where a party is in the protocol. */
    public enum Phase {
        /** Created; may already receive round-1 messages. */
        CREATED,
        /** Round 1 sent; collecting commitments and shares. */
        SHARES_SENT,
        /** Shares checked and complaints sent; collecting complaints. */
        COMPLAINTS_SENT,
        /** Complaints answered; collecting reveals. */
        ANSWERS_SENT,
        /** Done; {@link #finish()} returned. */
        FINISHED
    }

    private final DkgConfig config;
    private final int self;
    private final SecureRandom random;
    private Phase phase = Phase.CREATED;
    private Polynomial polynomial;
    private final Map<Integer, FeldmanCommitments> commitments = new HashMap<>();
    private final Map<Integer, Share> received = new HashMap<>();
    /** Complaints in a fixed order (accused, then accuser), so answers come out sorted. */
    private final Set<DkgComplaint> complaints = new TreeSet<>(
            Comparator.comparingInt(DkgComplaint::accused).thenComparingInt(DkgComplaint::sender));
    private final Map<Long, Share> reveals = new HashMap<>();

    private DkgParty(DkgConfig config, int self, SecureRandom random) {
        this.config = config;
        this.self = self;
        this.random = random;
    }

    /**
     * Party {@code self} of a run with these parameters.
     *
     * @throws ThresholdException {@code InvalidArgument} if {@code self} is not in {@code 1..n}
     */
    public static DkgParty create(DkgConfig config, int self, SecureRandom random) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(random, "random");
        config.checkParty(self, "party id");
        return new DkgParty(config, self, random);
    }

    public int id() {
        return self;
    }

    public DkgConfig config() {
        return config;
    }

    public Phase phase() {
        return phase;
    }

    /**
     * Round 1: draws this party's polynomial and returns its broadcast and private shares.
     *
     * @throws ThresholdException {@code InvalidArgument} if called twice
     */
    public DkgRound1 start() {
        requirePhase(Phase.CREATED, "start");
        polynomial = Polynomial.random(config.group(), config.threshold(), random);
        FeldmanCommitments own = polynomial.commitments();
        commitments.put(self, own);
        List<DkgPrivateShare> shares = new ArrayList<>();
        for (int j = 1; j <= config.parties(); j++) {
            if (j != self) {
                shares.add(DkgPrivateShare.of(self, j, polynomial.evaluate(j)));
            }
        }
        phase = Phase.SHARES_SENT;
        return new DkgRound1(new DkgCommitment(self, own), shares);
    }

    /**
     * Takes a message from another party. A repeated identical message is ignored.
     *
     * @throws ThresholdException {@code InvalidArgument} if the message is this party's own, names a party outside
     *     {@code 1..n}, is addressed to someone else, has the wrong group or threshold, contradicts an earlier
     *     message of the same sender, or belongs to a round this party has closed
     */
    public void receive(DkgMessage message) {
        Objects.requireNonNull(message, "message");
        config.checkParty(message.sender(), "sender");
        if (message.sender() == self) {
            throw refuse("party " + self + " received its own " + message.getClass().getSimpleName());
        }
        switch (message) {
            case DkgCommitment c -> receiveCommitment(c);
            case DkgPrivateShare s -> receiveShare(s);
            case DkgComplaint c -> receiveComplaint(c);
            case DkgReveal r -> receiveReveal(r);
        }
    }

    private void receiveCommitment(DkgCommitment c) {
        requireOpen(Phase.SHARES_SENT, c);
        FeldmanCommitments f = c.commitments();
        if (f.group() != config.group() || f.threshold() != config.threshold()) {
            throw refuse("commitments from party " + c.sender() + " are for " + f.group() + " threshold "
                    + f.threshold() + ", expected " + config.group() + " threshold " + config.threshold());
        }
        FeldmanCommitments before = commitments.putIfAbsent(c.sender(), f);
        if (before != null && !before.equals(f)) {
            throw refuse("party " + c.sender() + " broadcast two different commitments");
        }
    }

    private void receiveShare(DkgPrivateShare s) {
        requireOpen(Phase.SHARES_SENT, s);
        if (s.recipient() != self) {
            throw refuse("share from party " + s.sender() + " is addressed to party " + s.recipient() + ", not " + self);
        }
        if (s.share().group() != config.group()) {
            throw refuse("share from party " + s.sender() + " is of " + s.share().group());
        }
        Share before = received.putIfAbsent(s.sender(), s.share());
        if (before != null && !before.sameSecretAs(s.share())) {
            throw refuse("party " + s.sender() + " sent two different shares");
        }
    }

    private void receiveComplaint(DkgComplaint c) {
        requireOpen(Phase.COMPLAINTS_SENT, c);
        config.checkParty(c.accused(), "accused party");
        complaints.add(c);
    }

    private void receiveReveal(DkgReveal r) {
        requireOpen(Phase.ANSWERS_SENT, r);
        config.checkParty(r.accuser(), "accuser");
        if (r.share().group() != config.group()) {
            throw refuse("share revealed by party " + r.sender() + " is of " + r.share().group());
        }
        Share before = reveals.putIfAbsent(key(r.sender(), r.accuser()), r.share());
        if (before != null && !before.sameSecretAs(r.share())) {
            throw refuse("party " + r.sender() + " revealed two different shares for party " + r.accuser());
        }
    }

    /**
     * Ends round 1: checks each received share against its dealer's commitments ({@code s·G == Σ_j i^j·C_j}) and
     * returns a complaint, to broadcast, for each dealer that committed but sent no share or a wrong one (sorted
     * by dealer). A dealer that broadcast no commitments gets no complaint: everyone disqualifies it.
     *
     * @throws ThresholdException {@code InvalidArgument} unless called once, after {@link #start()}
     */
    public List<DkgComplaint> checkShares() {
        requirePhase(Phase.SHARES_SENT, "checkShares");
        List<DkgComplaint> out = new ArrayList<>();
        for (int j = 1; j <= config.parties(); j++) {
            FeldmanCommitments c = commitments.get(j);
            if (j == self || c == null) {
                continue;
            }
            Share share = received.get(j);
            if (share == null || !matches(c, share)) {
                DkgComplaint complaint = new DkgComplaint(self, j);
                complaints.add(complaint);
                out.add(complaint);
            }
        }
        phase = Phase.COMPLAINTS_SENT;
        return List.copyOf(out);
    }

    /**
     * Ends the complaint round: returns, to broadcast, a reveal of the disputed share for each complaint against
     * this party (sorted by accuser).
     *
     * @throws ThresholdException {@code InvalidArgument} unless called once, after {@link #checkShares()}
     */
    public List<DkgReveal> answerComplaints() {
        requirePhase(Phase.COMPLAINTS_SENT, "answerComplaints");
        List<DkgReveal> out = new ArrayList<>();
        for (DkgComplaint c : complaints) {
            if (c.accused() == self) {
                Share share = polynomial.evaluate(c.sender());
                reveals.put(key(self, c.sender()), share);
                out.add(DkgReveal.of(self, c.sender(), share));
            }
        }
        phase = Phase.ANSWERS_SENT;
        return List.copyOf(out);
    }

    /**
     * Ends the run: decides QUAL (see the class comment) and sums this party's shares and the commitments over it.
     *
     * @throws ThresholdException {@code InvalidArgument} unless called once, after {@link #answerComplaints()};
     *     {@code NoValidShares} if fewer than {@code t} dealers qualify
     */
    public DkgResult finish() {
        requirePhase(Phase.ANSWERS_SENT, "finish");
        SortedMap<Integer, String> disqualified = new TreeMap<>();
        List<Integer> qualified = new ArrayList<>();
        for (int j = 1; j <= config.parties(); j++) {
            String reason = disqualification(j);
            if (reason == null) {
                qualified.add(j);
            } else {
                disqualified.put(j, reason);
            }
        }
        if (qualified.size() < config.threshold()) {
            throw new ThresholdException(LitErrorCode.NoValidShares, "only " + qualified.size() + " dealers "
                    + qualified + " qualified, need at least " + config.threshold() + "; disqualified " + disqualified);
        }
        Share sum = null;
        FeldmanCommitments combined = null;
        for (int j : qualified) {
            Share share = shareFrom(j);
            sum = sum == null ? share : sum.add(share);
            combined = combined == null ? commitments.get(j) : combined.add(commitments.get(j));
        }
        if (!matches(combined, sum)) {
            throw new LitBugException("party " + self + "'s summed share does not match the summed commitments");
        }
        phase = Phase.FINISHED;
        polynomial = null;
        received.clear();
        reveals.clear();
        return new DkgResult(config, self, qualified, disqualified, sum, combined);
    }

    /** Why dealer {@code j} is disqualified, or null if it qualifies. */
    private String disqualification(int j) {
        FeldmanCommitments c = commitments.get(j);
        if (c == null) {
            return "broadcast no commitments";
        }
        TreeSet<Integer> accusers = new TreeSet<>();
        for (DkgComplaint complaint : complaints) {
            if (complaint.accused() == j) {
                accusers.add(complaint.sender());
            }
        }
        if (accusers.size() >= config.threshold()) {
            return "accused by " + accusers.size() + " parties " + accusers + " (threshold " + config.threshold() + ")";
        }
        for (int a : accusers) {
            Share revealed = reveals.get(key(j, a));
            if (revealed == null) {
                return "did not answer the complaint of party " + a;
            }
            if (!matches(c, revealed)) {
                return "revealed a share for party " + a + " that does not match its commitments";
            }
        }
        return null;
    }

    /**
     * Whether {@code share} matches the dealer's commitments: a share that does not is a dealer's fault to record
     * (a complaint, a disqualification), not an error of this party.
     */
    private static boolean matches(FeldmanCommitments commitments, Share share) {
        try {
            commitments.verify(share);
            return true;
        } catch (ThresholdException e) {
            return false;
        }
    }

    private Share shareFrom(int dealer) {
        if (dealer == self) {
            return polynomial.evaluate(self);
        }
        Share share = complaints.contains(new DkgComplaint(self, dealer))
                ? reveals.get(key(dealer, self)) : received.get(dealer);
        if (share == null) {
            throw new LitBugException("party " + self + " has no share from qualified dealer " + dealer);
        }
        return share;
    }

    private void requirePhase(Phase expected, String step) {
        if (phase != expected) {
            throw refuse("party " + self + " cannot " + step + " in phase " + phase + " (expected " + expected + ")");
        }
    }

    /** Refuses a message of a round whose phase {@code last} this party has already left. */
    private void requireOpen(Phase last, DkgMessage m) {
        if (phase.compareTo(last) > 0) {
            throw refuse(m.getClass().getSimpleName() + " from party " + m.sender() + " arrived after party " + self
                    + " closed that round (phase " + phase + ")");
        }
    }

    private static long key(int dealer, int accuser) {
        return ((long) dealer << 32) | accuser;
    }

    private static ThresholdException refuse(String message) {
        return new ThresholdException(LitErrorCode.InvalidArgument, message);
    }

    @Override
    public String toString() {
        return "DkgParty[id=" + self + " of " + config.parties() + " t=" + config.threshold() + " " + config.group()
                + " " + phase + "]";
    }
}
