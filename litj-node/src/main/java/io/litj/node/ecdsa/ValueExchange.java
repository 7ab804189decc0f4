package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One round in which some parties of a set (the senders) each broadcast one value of at most {@code maxBytes} bytes
 * and every party collects them: all senders for {@code Lit.Actions.broadcastAndCollect}, the one leader for
 * {@code runOnce}. The output, once every sender's value is in, is the values by share index.
 */
final class ValueExchange implements RoundProtocol<Map<Integer, byte[]>> {
    private final Set<Integer> senders;
    private final int self;
    private final byte[] own;
    private final int maxBytes;
    private final Map<Integer, byte[]> received = new TreeMap<>();

    /**
     * @param own this node's value; ignored unless this node is a sender
     */
    ValueExchange(Participants set, Set<Integer> senders, int self, byte[] own, int maxBytes) {
        if (!set.indices().containsAll(senders) || senders.isEmpty()) {
            throw new IllegalArgumentException("the senders " + senders + " must be parties of " + set.indices());
        }
        this.senders = Set.copyOf(senders);
        this.self = self;
        this.own = own.clone();
        this.maxBytes = maxBytes;
    }

    @Override
    public List<ProtocolMessage> start() {
        if (!senders.contains(self)) {
            return List.of();
        }
        received.put(self, own.clone());
        return List.of(new ProtocolMessage(self, ProtocolMessage.EVERYONE, own.clone()));
    }

    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        if (!senders.contains(from) || from == self || received.containsKey(from)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "unexpected value from party " + from);
        }
        if (payload.length > maxBytes) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent a value of "
                    + payload.length + " bytes; at most " + maxBytes);
        }
        received.put(from, payload.clone());
        return List.of();
    }

    @Override
    public Optional<Map<Integer, byte[]>> output() {
        return received.size() == senders.size() ? Optional.of(Map.copyOf(received)) : Optional.empty();
    }
}
