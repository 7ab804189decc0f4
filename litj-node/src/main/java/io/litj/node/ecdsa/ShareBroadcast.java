package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one round of {@code Lit.Actions.signAndCombineEcdsa}: every live node broadcasts its signature share of the
 * digest ({@value #SHARE_BYTES} bytes: {@code s_i} then the compressed {@code R}), or an empty message when it is
 * not in the signing set; once every party's message is in, the output is the shares received, by share index.
 * The shares are public and checked for shape here; whether they add up to a signature is for
 * {@link io.litj.threshold.ecdsa.EcdsaCombiner}, which verifies the sum.
 */
final class ShareBroadcast implements RoundProtocol<List<EcdsaSignatureShare>> {
    static final int SHARE_BYTES = 32 + 33;

    private final Participants set;
    private final int self;
    private final Bytes digest;
    private final Bytes publicKey;
    private final byte[] own;
    private final Map<Integer, byte[]> received = new TreeMap<>();
    private List<EcdsaSignatureShare> output;

    /**
     * @param own this node's share, or empty outside the signing set
     */
    ShareBroadcast(Participants set, int self, Bytes digest, Bytes publicKey, Optional<SignatureShare> own) {
        this.set = set;
        this.self = self;
        this.digest = digest;
        this.publicKey = publicKey;
        this.own = own.map(s -> concat(s.share().toByteArray(), s.bigR().toByteArray())).orElse(new byte[0]);
    }

    @Override
    public List<ProtocolMessage> start() {
        accept(self, own);
        return List.of(new ProtocolMessage(self, ProtocolMessage.EVERYONE, own.clone()));
    }

    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        if (!set.contains(from) || from == self || received.containsKey(from)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "unexpected signature share from party " + from);
        }
        if (payload.length != 0 && payload.length != SHARE_BYTES) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent a share of "
                    + payload.length + " bytes; expected 0 or " + SHARE_BYTES);
        }
        accept(from, payload.clone());
        return List.of();
    }

    private void accept(int from, byte[] payload) {
        received.put(from, payload);
        if (received.size() < set.size()) {
            return;
        }
        List<EcdsaSignatureShare> shares = new ArrayList<>();
        received.forEach((party, bytes) -> {
            if (bytes.length == 0) {
                return;
            }
            try {
                shares.add(new EcdsaSignatureShare(party, Bytes.of(Arrays.copyOf(bytes, 32)),
                        Bytes.of(Arrays.copyOfRange(bytes, 32, SHARE_BYTES)), digest, publicKey));
            } catch (ThresholdException e) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + party + " sent a malformed share: "
                        + e.getMessage());
            }
        });
        output = List.copyOf(shares);
    }

    @Override
    public Optional<List<EcdsaSignatureShare>> output() {
        return Optional.ofNullable(output);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
