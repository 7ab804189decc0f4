package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The agreement round of a signing request: each member of the signing set broadcasts the ids of the unused
 * presignatures it offers (at most {@value #MAX_OFFER}, comma-separated); once every member's offer is in, the
 * output is their intersection, sorted. Every member computes it from the same offers, so all pick its lowest id
 * without a leader. A member that sends different offers to different members can only make the request fail (the
 * shares then do not combine); it cannot make an honest node use a presignature twice, which {@link
 * PresignatureStore#bind} prevents.
 */
final class OfferExchange implements RoundProtocol<List<String>> {
    static final int MAX_OFFER = 8;
    private static final Pattern OFFER = Pattern.compile("([0-9a-f]{32}(,[0-9a-f]{32}){0,7})?");

    private final Participants set;
    private final int self;
    private final List<String> own;
    private final Map<Integer, List<String>> offers = new HashMap<>();
    private List<String> output;

    OfferExchange(Participants set, int self, List<String> own) {
        if (own.size() > MAX_OFFER) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "an offer holds at most " + MAX_OFFER + " ids");
        }
        this.set = set;
        this.self = self;
        this.own = List.copyOf(own);
    }

    @Override
    public List<ProtocolMessage> start() {
        offers.put(self, own);
        finishIfComplete();
        return List.of(new ProtocolMessage(self, ProtocolMessage.EVERYONE,
                String.join(",", own).getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        if (!set.contains(from) || from == self || offers.containsKey(from)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "unexpected offer from party " + from);
        }
        String text = new String(payload, StandardCharsets.US_ASCII);
        if (payload.length > MAX_OFFER * 33 || !OFFER.matcher(text).matches()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent a malformed offer");
        }
        offers.put(from, text.isEmpty() ? List.of() : List.of(text.split(",")));
        finishIfComplete();
        return List.of();
    }

    private void finishIfComplete() {
        if (offers.size() < set.size()) {
            return;
        }
        TreeSet<String> common = new TreeSet<>(own);
        offers.values().forEach(common::retainAll);
        output = List.copyOf(common);
    }

    @Override
    public Optional<List<String>> output() {
        return Optional.ofNullable(output);
    }
}
