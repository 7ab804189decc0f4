package io.litj.node.ecdsa;

import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.time.Duration;

/**
 * Runs a {@link RoundProtocol} with the other nodes of a set (the node's peer API implements it). Every participant
 * starts the run with the same kind, session id and set; the caller's thread drives it to its output.
 */
public interface RunTransport {
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
