package io.litj.node.ecdsa;

import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.triples.TripleBatchGeneration;
import java.time.Duration;

/**
 * Runs a {@link RoundProtocol} with the other nodes of a set (the node's peer API implements it). Every participant
 * starts the run with the same kind, session id and set; the caller's thread drives it to its output.
 */
public interface RunTransport {
    /**
     * The largest payload of one run message, the one home of the message-size rule: the largest message of a
     * triple batch of the node's refill size ({@code 2 ×} {@link PresignMaker#MAX_BATCH} triples) for any threshold
     * a network can have ({@link DkgConfig#MAX_PARTIES}); presigning and agreement messages are far smaller. The peer
     * route's body limit ({@link io.litj.node.HttpLimits#PROTOCOL_BODY_BYTES}) follows from it.
     */
    int MAX_PAYLOAD_BYTES = TripleBatchGeneration.maxMessageBytes(DkgConfig.MAX_PARTIES, 2 * PresignMaker.MAX_BATCH);

    /** This node's share index (node index + 1). */
    int selfIndex();

    /**
     * Runs {@code protocol} to its output.
     *
     * @throws io.litj.node.LitNodeException {@code NodeConcurrencyOverload} if too many runs are in progress,
     *     {@code NodeSystemFault} if the run failed or timed out
     */
    <T> T run(String kind, byte[] sessionId, Participants set, RoundProtocol<T> protocol, Duration timeout);
}
