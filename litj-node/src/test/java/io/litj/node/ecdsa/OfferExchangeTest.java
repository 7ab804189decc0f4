package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agreement round: every member gets the intersection of all offers, sorted, and picks its lowest. */
class OfferExchangeTest {
    private static final Participants SET = new Participants(List.of(1, 2, 3), 2);

    private static String id(int n) {
        return String.format("%032x", n);
    }

    private static byte[] offer(String... ids) {
        return String.join(",", ids).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void output_afterEveryOffer_isTheSortedIntersection() {
        OfferExchange x = new OfferExchange(SET, 1, List.of(id(5), id(2), id(9)));
        List<ProtocolMessage> sent = x.start();

        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().isBroadcast());
        x.receive(2, offer(id(9), id(2)));
        assertTrue(x.output().isEmpty());
        x.receive(3, offer(id(2), id(9), id(7)));

        assertEquals(List.of(id(2), id(9)), x.output().orElseThrow());
    }

    @Test
    void output_anEmptyOffer_givesNothingInCommon() {
        OfferExchange x = new OfferExchange(new Participants(List.of(1, 2), 2), 2, List.of(id(1)));
        x.start();

        x.receive(1, new byte[0]);

        assertEquals(List.of(), x.output().orElseThrow());
    }

    @Test
    void receive_malformedOrRepeatedOrForeignOffer_refusedWithNodeBadInput() {
        OfferExchange x = new OfferExchange(SET, 1, List.of());
        x.start();

        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(2, "zz".getBytes(StandardCharsets.US_ASCII))).code());
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(4, offer(id(1)))).code());
        x.receive(2, offer(id(1)));
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(2, offer(id(1)))).code());
        String nine = String.join(",", java.util.Collections.nCopies(9, id(1)));
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(3, nine.getBytes(StandardCharsets.US_ASCII))).code());
    }
}
