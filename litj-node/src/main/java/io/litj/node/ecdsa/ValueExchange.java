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
import java.util.function.IntFunction;

/**
 * One round in which some parties of a set (the senders) each broadcast one value of at most {@code maxBytes} bytes
 * and every party collects them: all senders for {@code Lit.Actions.broadcastAndCollect}, the one leader for
 * {@code runOnce}. The output, once every sender's value is in, is the values by share index.
 */
final class ValueExchange implements RoundProtocol<Map<Integer, byte[]>> {
    private final Participants set;
    private final Set<Integer> senders;
    private final int self;
    private final byte[] own;
    private final IntFunction<byte[]> ownFor;
    private final int maxBytes;
    private final Map<Integer, byte[]> received = new TreeMap<>();

    /**
     * @param own this node's value; ignored unless this node is a sender
     */
    ValueExchange(Participants set, Set<Integer> senders, int self, byte[] own, int maxBytes) {
        this(set, senders, self, own, null, maxBytes);
    }

    /**
     * @param ownFor what this node sends to each party, instead of {@code own} to all (a dishonest sender, for tests
     *               of the parties that must catch one); {@code null}: {@code own} to everyone
     */
    ValueExchange(Participants set, Set<Integer> senders, int self, byte[] own, IntFunction<byte[]> ownFor,
            int maxBytes) {
        this.set = set;
        this.ownFor = ownFor;
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
        if (ownFor != null) {
            return set.indices().stream().filter(to -> to != self)
                    .map(to -> new ProtocolMessage(self, to, ownFor.apply(to))).toList();
        }
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
