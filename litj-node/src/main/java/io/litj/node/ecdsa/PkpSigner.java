package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.node.auth.PkpSignGrant;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.PkpKeyShare;
import io.litj.node.metrics.PkpSignPhase;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.Participants;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part of a PKP signature ({@code /web/pkp/sign}, see {@code docs/ecdsa-node.md}):
 * <ol>
 *   <li>the signing set: the first {@code t} live nodes ranked by a hash of (token id, request id, digest, node),
 *   the same on every node; a node outside it adds no share;</li>
 *   <li>agreement: the members exchange the ids of the unused presignatures they hold for (PKP, set) and all take
 *   the lowest common one ({@link OfferExchange}); with none in common they make one now
 *   ({@link PresignMaker}, at most {@link #ON_DEMAND_TIMEOUT});</li>
 *   <li>the presignature is bound to the digest on disk ({@link PresignatureStore#bind}) before the share is
 *   computed and returned;</li>
 *   <li>refill: when fewer than {@link #TARGET} common presignatures remain or are being made (each member states in
 *   its offer what its running refills will still add; the largest counts), every member starts the same refill in
 *   the background once its share is made (the refill then waits until this node has had no signing request for
 *   {@link RefillGate#SETTLE}, at most {@link #REFILL_DEFER}) — triple batches of two presignatures, then one
 *   presigning run per missing presignature, ids derived from the request — at most {@value #MAX_REFILLS}
 *   refills at once per node.</li>
 * </ol>
 * Thread-safe; {@link #close()} stops the background work.
 */
public final class PkpSigner implements AutoCloseable {
    /** Presignatures kept ready per (PKP, set): a refill makes what is missing, in triple batches. */
    public static final int TARGET = 4;
    /** How long a request may wait for a presignature made on demand. */
    public static final Duration ON_DEMAND_TIMEOUT = Duration.ofSeconds(30);
    static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REFILL_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_REFILLS = 4;
    /** Longest a refill waits for this node's signing requests to finish before it starts anyway. */
    static final Duration REFILL_DEFER = Duration.ofSeconds(1);
    /** How long {@link #close()} waits for interrupted refills to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PkpSigner.class);

    private final KeyShareStore keys;
    private final RunTransport runs;
    private final PresignatureStore store;
    private final SigningSets sets;
    private final PresignMaker maker;
    private final HttpLiveness liveness;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore refills = new Semaphore(MAX_REFILLS);
    private final RefillGate gate = new RefillGate();
    private final InFlightRefills refilling = new InFlightRefills();
    private final PkpSignPhase.Recorder phases;

    /**
     * @param self this node
     * @param registry the nodes and the threshold
     * @param keys this node's PKP key shares
     * @param runs carries protocol runs to the other nodes
     * @param scheme the threshold-ECDSA arithmetic
     * @param store this node's presignatures
     * @param peerTls the trust of https calls to peers (their liveness)
     * @param phases where the phases of {@link #sign} are timed
     */
    public PkpSigner(NodeEntry self, Registry registry, KeyShareStore keys, RunTransport runs, EcdsaScheme scheme,
            PresignatureStore store, SecureRandom random, javax.net.ssl.SSLContext peerTls,
            PkpSignPhase.Recorder phases) {
        this.liveness = new HttpLiveness(Objects.requireNonNull(peerTls, "peerTls"));
        this.phases = Objects.requireNonNull(phases, "phases");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.store = Objects.requireNonNull(store, "store");
        this.sets = new SigningSets(self, registry, liveness);
        this.maker = new PresignMaker(runs, Objects.requireNonNull(scheme, "scheme"), random);
    }

    /**
     * This node's share of the signature of {@code grant}'s digest, or empty if this node is not in the request's
     * signing set.
     *
     * @param requestId the request id every node got with the request ({@code X-Request-Id}), or {@code ""}
     * @throws LitNodeException {@code NodePKPTokenIdNotFound} if this node holds no share of the PKP;
     *     {@code NodeSystemFault} if too few nodes answer or a run fails; {@code NodeConcurrencyOverload} if too
     *     many runs are in progress; {@code NodeNotAuthorized} if the agreed presignature was bound already
     */
    public Optional<SignatureShare> sign(PkpSignGrant grant, String requestId) {
        String tokenId = grant.pkp().tokenId();
        Bytes digest = grant.digest();
        PkpKeyShare key = keys.pkpShare(tokenId).orElseThrow(() -> new LitNodeException(
                LitErrorCode.NodePKPTokenIdNotFound, "this node holds no share of PKP " + tokenId));
        long t0 = System.nanoTime();
        Participants set = sets.choose(tokenId, requestId, digest);
        long t1 = System.nanoTime();
        phases.record(PkpSignPhase.SIGNING_SET, t1 - t0);
        if (!set.contains(runs.selfIndex())) {
            return Optional.empty();
        }
        String context = String.join("\n", "litj-pkp-sign", tokenId, requestId, digest.hex(),
                PresignatureStore.setName(set));
        int inFlight = 0;
        int remaining = -1; // set once the choice is made: every member then starts the same refill, even if
        // this node's bind fails, so that the others' refill runs find their partner
        // a refill slot is taken before the offer: a member without one says so in its offer, and then no member
        // starts this request's refill (a refill run without its partner would hold a slot until its timeout)
        boolean slot = refills.tryAcquire();
        gate.enter();
        try {
            OfferExchange.Agreement agreed = agree(tokenId, set, context, slot);
            List<String> common = agreed.common();
            inFlight = agreed.inFlight();
            long t2 = System.nanoTime();
            phases.record(PkpSignPhase.AGREE, t2 - t1);
            String chosen = common.isEmpty() ? makeNow(key, set, context) : common.get(0);
            long t3 = System.nanoTime();
            if (common.isEmpty()) {
                phases.record(PkpSignPhase.ON_DEMAND, t3 - t2);
            }
            remaining = Math.max(0, common.size() - 1);
            Presignature presignature = store.bind(tokenId, set, chosen, digest);
            long t4 = System.nanoTime();
            phases.record(PkpSignPhase.BIND, t4 - t3);
            SignatureShare share = presignature.sign(digest, key.publicKey());
            phases.record(PkpSignPhase.SHARE, System.nanoTime() - t4);
            return Optional.of(share);
        } finally {
            gate.exit();
            int count = remaining < 0 ? 0 : refillCount(remaining, inFlight);
            if (count > 0 && slot) {
                refill(key, set, context, count);
            } else if (slot) {
                refills.release();
            }
        }
    }

    /**
     * How many presignatures a request's refill makes: what {@link #TARGET} lacks beyond the {@code remaining} common
     * ones and what running refills will still add ({@code inFlight}, the agreement's largest; a member without a
     * free refill slot states {@link OfferExchange#CANNOT_REFILL}, so that no member refills). At most 0: none.
     */
    static int refillCount(int remaining, int inFlight) {
        return TARGET - remaining - inFlight;
    }

    /**
     * The agreement round: reserves and offers this node's unused presignatures of {@code (PKP, set)}, with what
     * its running refills of them will still add, and returns the ids every member offered, sorted, and the largest
     * in-flight count; the reservations of all but the lowest id are released.
     */
    private OfferExchange.Agreement agree(String tokenId, Participants set, String context, boolean canRefill) {
        List<String> offered = store.reserve(tokenId, set, OfferExchange.MAX_OFFER);
        OfferExchange.Agreement agreed;
        try {
            agreed = runs.run("agree", PresignMaker.seed(context, "agree"), set,
                    new OfferExchange(set, runs.selfIndex(), offered,
                            canRefill ? refilling.inFlight(tokenId, set) : OfferExchange.CANNOT_REFILL),
                    AGREEMENT_TIMEOUT);
        } catch (RuntimeException e) {
            store.release(tokenId, set, offered);
            throw e;
        }
        List<String> others = new ArrayList<>(offered);
        if (!agreed.common().isEmpty()) {
            others.remove(agreed.common().get(0));
        }
        store.release(tokenId, set, others);
        return agreed;
    }

    /** Makes a presignature now (none in common) and keeps it; returns its id. */
    private String makeNow(PkpKeyShare key, Participants set, String context) {
        byte[] seed = PresignMaker.seed(context, "on-demand");
        String chosen = PresignMaker.idOf(seed);
        if (!store.add(key.tokenId(), set, chosen, maker.make(key, set, seed, ON_DEMAND_TIMEOUT))) {
            throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "this node's presignature store is "
                    + "full");
        }
        return chosen;
    }

    /**
     * Starts one background job, holding the refill slot the request took, that makes {@code count} presignatures
     * of {@code (PKP, set)} in triple batches of {@link PresignMaker#MAX_BATCH}; every member decides the same count
     * from the same agreement, and derives the same seeds.
     */
    private void refill(PkpKeyShare key, Participants set, String context, int count) {
        refilling.add(key.tokenId(), set, count);
        try {
            background.execute(() -> {
                int added = 0;
                try {
                    gate.awaitQuiet(REFILL_DEFER);
                    for (int b = 0; b * PresignMaker.MAX_BATCH < count; b++) {
                        int size = Math.min(PresignMaker.MAX_BATCH, count - b * PresignMaker.MAX_BATCH);
                        byte[] batch = PresignMaker.seed(context, "refill", String.valueOf(b));
                        List<Presignature> made = maker.makeBatch(key, set, batch, size, REFILL_TIMEOUT);
                        for (int j = 0; j < made.size(); j++) {
                            store.add(key.tokenId(), set, PresignMaker.idOf(PresignMaker.batchSeed(batch, size, j)),
                                    made.get(j));
                        }
                        added += size;
                        refilling.add(key.tokenId(), set, -size);
                    }
                } catch (RuntimeException e) {
                    LOG.info("presignature refill for PKP {} set {} failed: {}", key.tokenId(), set.indices(),
                            e.toString(), e);
                } finally {
                    refilling.add(key.tokenId(), set, added - count);
                    refills.release();
                }
            });
        } catch (RejectedExecutionException e) {
            refilling.add(key.tokenId(), set, -count);
            refills.release();
        }
    }

    /** The signing sets (for {@link ActionCombiner}). */
    SigningSets sets() {
        return sets;
    }

    /** The protocol runs (for {@link ActionCombiner}). */
    RunTransport runs() {
        return runs;
    }

    /** Refills running now (tests wait for them). */
    public int refillsRunning() {
        return MAX_REFILLS - refills.availablePermits();
    }

    /**
     * Stops the refills (interrupted, and waited for at most {@link #CLOSE_WAIT}, so none writes into the data
     * folder after the node is closed), then the liveness checks and the store.
     */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            if (!background.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("presignature refills still running {} after close", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        liveness.close();
        store.close();
    }
}
