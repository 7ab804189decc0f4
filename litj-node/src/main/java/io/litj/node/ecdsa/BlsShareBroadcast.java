package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one round of a decryption inside a Lit Action: each node sends its BLS decryption share (the
 * {@value BlsSignatureShare#WIRE_BYTES}-byte wire form), or an empty message when it has none, either to everyone
 * ({@code decryptAndCombine}) or privately to one receiver ({@code decryptToSingleNode}). The receiver's output is
 * the shares of the others and its own, once every party's message is in; a sender that is not the receiver is done
 * after sending, with its own share only. Shares are checked for shape here; {@code BlsCombiner} verifies them.
 */
final class BlsShareBroadcast implements RoundProtocol<List<BlsSignatureShare>> {
    private final Participants set;
    private final int self;
    private final int receiver;
    private final byte[] own;
    private final Map<Integer, BlsSignatureShare> received = new TreeMap<>();
    private final Set<Integer> senders = new HashSet<>();
    private List<BlsSignatureShare> output;

    /**
     * @param receiver the party that collects, or {@link ProtocolMessage#EVERYONE}
     * @param own      this node's share, or empty when it could not make one
     */
    BlsShareBroadcast(Participants set, int self, int receiver, Optional<BlsSignatureShare> own) {
        this.set = set;
        this.self = self;
        this.receiver = receiver;
        this.own = own.map(s -> s.toBytes().toByteArray()).orElse(new byte[0]);
    }

    @Override
    public List<ProtocolMessage> start() {
        accept(self, own);
        if (receiver == self) {
            return List.of();
        }
        if (receiver != ProtocolMessage.EVERYONE) {
            output = List.copyOf(received.values());
        }
        return List.of(new ProtocolMessage(self, receiver, own.clone()));
    }

    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        boolean collecting = receiver == ProtocolMessage.EVERYONE || receiver == self;
        if (!collecting || !set.contains(from) || from == self || senders.contains(from)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "unexpected decryption share from party " + from);
        }
        if (payload.length != 0 && payload.length != BlsSignatureShare.WIRE_BYTES) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent a decryption share of "
                    + payload.length + " bytes; expected 0 or " + BlsSignatureShare.WIRE_BYTES);
        }
        accept(from, payload);
        return List.of();
    }

    private void accept(int from, byte[] payload) {
        senders.add(from);
        if (payload.length != 0) {
            BlsSignatureShare share;
            try {
                share = BlsSignatureShare.fromBytes(Bytes.of(payload));
            } catch (ThresholdException e) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent a malformed "
                        + "decryption share: " + e.getMessage());
            }
            if (share.identifier() != from) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent the share of party "
                        + share.identifier());
            }
            received.put(from, share);
        }
        if (senders.size() == set.size() && (receiver == ProtocolMessage.EVERYONE || receiver == self)) {
            output = List.copyOf(received.values());
        }
    }

    @Override
    public Optional<List<BlsSignatureShare>> output() {
        return Optional.ofNullable(output);
    }
}
