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
 * The agreement round of a signing request: each member of the signing set broadcasts how many presignatures its
 * running refills of (PKP, set) will still add ({@code 0}…{@value #MAX_IN_FLIGHT}) and the ids of the unused
 * presignatures it offers (at most {@value #MAX_OFFER}), as {@code "<inFlight>;<id>,<id>,…"}; once every member's
 * offer is in, the output is the intersection of the ids, sorted, and the largest in-flight count. Every member
 * computes it from the same offers, so all pick its lowest id without a leader, and all decide the same refill. A
 * member that sends different offers to different members can only make the request fail (the shares then do not
 * combine) or the refills differ (a refill run without its partner ends at its timeout); it cannot make an honest
 * node use a presignature twice, which {@link PresignatureStore#bind} prevents.
 */
final class OfferExchange implements RoundProtocol<OfferExchange.Agreement> {
    static final int MAX_OFFER = 8;
    /** The largest in-flight count an offer may state. */
    static final int MAX_IN_FLIGHT = 99;
    /**
     * The in-flight count of a member that has no free refill slot: larger than any target, so the agreement's
     * largest count makes every member skip the request's refill (they all decide alike, and none starts a refill
     * run whose partner never comes).
     */
    static final int CANNOT_REFILL = MAX_IN_FLIGHT;
    private static final Pattern OFFER = Pattern.compile("([0-9]{1,2});([0-9a-f]{32}(,[0-9a-f]{32}){0,7})?");
    private static final int MAX_OFFER_BYTES = 3 + MAX_OFFER * 33;

    /** The round's outcome: the ids every member offered, sorted, and the largest in-flight count stated. */
    record Agreement(List<String> common, int inFlight) {
        Agreement {
            common = List.copyOf(common);
        }
    }

    private final Participants set;
    private final int self;
    private final List<String> own;
    private final int ownInFlight;
    private final Map<Integer, List<String>> offers = new HashMap<>();
    private int inFlight;
    private Agreement output;

    /**
     * @param own the ids this node offers
     * @param ownInFlight the presignatures this node's running refills of (PKP, set) will still add (capped at
     *     {@value #MAX_IN_FLIGHT})
     */
    OfferExchange(Participants set, int self, List<String> own, int ownInFlight) {
        if (own.size() > MAX_OFFER) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "an offer holds at most " + MAX_OFFER + " ids");
        }
        if (ownInFlight < 0) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "an in-flight count is at least 0");
        }
        this.set = set;
        this.self = self;
        this.own = List.copyOf(own);
        this.ownInFlight = Math.min(ownInFlight, MAX_IN_FLIGHT);
    }

    @Override
    public List<ProtocolMessage> start() {
        offers.put(self, own);
        inFlight = ownInFlight;
        finishIfComplete();
        return List.of(new ProtocolMessage(self, ProtocolMessage.EVERYONE,
                (ownInFlight + ";" + String.join(",", own)).getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        if (!set.contains(from) || from == self || offers.containsKey(from)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "unexpected offer from party " + from);
        }
        String text = new String(payload, StandardCharsets.US_ASCII);
        var m = OFFER.matcher(text);
        if (payload.length > MAX_OFFER_BYTES || !m.matches()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "party " + from + " sent a malformed offer");
        }
        offers.put(from, m.group(2) == null ? List.of() : List.of(m.group(2).split(",")));
        inFlight = Math.max(inFlight, Integer.parseInt(m.group(1)));
        finishIfComplete();
        return List.of();
    }

    private void finishIfComplete() {
        if (offers.size() < set.size()) {
            return;
        }
        TreeSet<String> common = new TreeSet<>(own);
        offers.values().forEach(common::retainAll);
        output = new Agreement(List.copyOf(common), inFlight);
    }

    @Override
    public Optional<Agreement> output() {
        return Optional.ofNullable(output);
    }
}
