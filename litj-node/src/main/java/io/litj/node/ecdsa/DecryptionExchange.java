package io.litj.node.ecdsa;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The exchange of BLS decryption shares behind {@code Lit.Actions.decryptAndCombine} and
 * {@code decryptToSingleNode} ({@code lit-node-behaviour.md} §13, {@code docs/encryption.md}): every live node sends
 * its share over the authenticated peer API (run kind {@code decrypt}, session derived from the request id and the
 * identity), to every node, or privately to one receiver. The receiver is the first live node of a ranking that
 * every node computes alike from the request id and the identity (as signing sets are ranked), so no leader decides
 * and none can answer differently to different nodes. The shares are not verified here: the caller combines them
 * with {@code BlsCombiner}, which verifies. Thread-safe.
 */
public final class DecryptionExchange {
    /** Longest the exchange waits for the other nodes' shares. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final PkpSigner signer;

    public DecryptionExchange(PkpSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /** The threshold of the network key: how many shares a decryption needs. */
    public int threshold() {
        return signer.sets().live().threshold();
    }

    /**
     * Sends {@code mine} to every live node and collects theirs.
     *
     * @param requestId the id every node got with the request
     * @return the shares received, this node's among them, by share index
     * @throws io.litj.node.LitNodeException {@code NodeSystemFault} if fewer than {@code t} nodes are live, or the
     *     exchange fails or times out
     */
    public List<BlsSignatureShare> withEveryone(String requestId, byte[] identity, Optional<BlsSignatureShare> mine) {
        Participants live = signer.sets().live();
        return run("decrypt", requestId, identity, live, ProtocolMessage.EVERYONE, mine);
    }

    /**
     * Sends {@code mine} to the request's receiver, or collects everyone's when this node is the receiver.
     *
     * @return the shares received when this node is the receiver, else empty
     * @throws io.litj.node.LitNodeException as {@link #withEveryone}
     */
    public Optional<List<BlsSignatureShare>> toReceiver(String requestId, byte[] identity,
            Optional<BlsSignatureShare> mine) {
        Participants live = signer.sets().live();
        Bytes digest = Bytes.of(Hashes.sha256(identity));
        int receiver = signer.sets().ranking("litj-decrypt-single", requestId, digest).stream()
                .map(index -> index + 1).filter(live::contains).findFirst().orElseThrow();
        List<BlsSignatureShare> shares = run("decrone", requestId, identity, live, receiver, mine);
        return receiver == signer.runs().selfIndex() ? Optional.of(shares) : Optional.empty();
    }

    private List<BlsSignatureShare> run(String kind, String requestId, byte[] identity, Participants live,
            int receiver, Optional<BlsSignatureShare> mine) {
        byte[] session = PresignMaker.seed("litj-action-" + kind, "bls", requestId,
                Bytes.of(Hashes.sha256(identity)).hex());
        return signer.runs().run(kind, session, live, new BlsShareBroadcast(live, signer.runs().selfIndex(),
                receiver, mine), TIMEOUT);
    }
}
