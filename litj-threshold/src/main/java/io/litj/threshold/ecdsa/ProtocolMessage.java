package io.litj.threshold.ecdsa;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message of a {@link RoundProtocol}: from one party to one other ({@code to} = its index) or to every other
 * party ({@code to} = {@link #EVERYONE}). The payload is opaque to the transport. A private message carries secret
 * material: the transport must encrypt it to its recipient (the node's peer API does); it never prints.
 */
public record ProtocolMessage(int from, int to, byte[] payload) {
    /** {@code to} of a message for every other party (a broadcast the transport delivers to each of them). */
    public static final int EVERYONE = 0;

    public ProtocolMessage {
        Objects.requireNonNull(payload, "payload");
        payload = payload.clone();
    }

    /** True if this message goes to every other party. */
    public boolean isBroadcast() {
        return to == EVERYONE;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolMessage m && m.from == from && m.to == to && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * from + to) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ProtocolMessage[" + from + "->" + (isBroadcast() ? "all" : to) + ", " + payload.length + " bytes]";
    }
}
