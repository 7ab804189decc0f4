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
        return offer(0, ids);
    }

    private static byte[] offer(int inFlight, String... ids) {
        return (inFlight + ";" + String.join(",", ids)).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void output_afterEveryOffer_isTheSortedIntersection() {
        OfferExchange x = new OfferExchange(SET, 1, List.of(id(5), id(2), id(9)), 0);
        List<ProtocolMessage> sent = x.start();

        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().isBroadcast());
        x.receive(2, offer(id(9), id(2)));
        assertTrue(x.output().isEmpty());
        x.receive(3, offer(id(2), id(9), id(7)));

        assertEquals(List.of(id(2), id(9)), x.output().orElseThrow().common());
        assertEquals("0;" + id(5) + "," + id(2) + "," + id(9), new String(sent.getFirst().payload(),
                StandardCharsets.US_ASCII));
    }

    @Test
    void output_anEmptyOffer_givesNothingInCommon() {
        OfferExchange x = new OfferExchange(new Participants(List.of(1, 2), 2), 2, List.of(id(1)), 0);
        x.start();

        x.receive(1, text("0;"));

        assertEquals(List.of(), x.output().orElseThrow().common());
    }

    @Test
    void receive_malformedOrRepeatedOrForeignOffer_refusedWithNodeBadInput() {
        OfferExchange x = new OfferExchange(SET, 1, List.of(), 0);
        x.start();

        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(2, text("zz"))).code());
        for (String bad : List.of("", id(1), "100;" + id(1), "-1;", "x;", "1;;" + id(1), " 1;")) {
            assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                    () -> x.receive(2, text(bad))).code(), bad);
        }
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(4, offer(id(1)))).code());
        x.receive(2, offer(id(1)));
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(2, offer(id(1)))).code());
        String nine = "0;" + String.join(",", java.util.Collections.nCopies(9, id(1)));
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(3, text(nine))).code());
    }

    @Test
    void output_inFlight_isTheLargestStated_soEveryMemberDecidesTheSameRefill() {
        OfferExchange a = new OfferExchange(SET, 1, List.of(id(1)), 2);
        OfferExchange b = new OfferExchange(SET, 2, List.of(id(1)), 0);
        OfferExchange c = new OfferExchange(SET, 3, List.of(id(1)), 3);
        byte[] fromA = a.start().getFirst().payload();
        byte[] fromB = b.start().getFirst().payload();
        byte[] fromC = c.start().getFirst().payload();

        a.receive(2, fromB);
        a.receive(3, fromC);
        b.receive(3, fromC);
        b.receive(1, fromA);
        c.receive(1, fromA);
        c.receive(2, fromB);

        for (OfferExchange x : List.of(a, b, c)) {
            assertEquals(new OfferExchange.Agreement(List.of(id(1)), 3), x.output().orElseThrow());
        }
    }

    @Test
    void constructor_inFlightAboveTheCap_isStatedAsTheCap_andANegativeOneIsRefused() {
        OfferExchange x = new OfferExchange(SET, 1, List.of(), 500);

        assertEquals(OfferExchange.MAX_IN_FLIGHT + ";", new String(x.start().getFirst().payload(),
                StandardCharsets.US_ASCII));
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitNodeException.class,
                () -> new OfferExchange(SET, 1, List.of(), -1)).code());
    }

    @Test
    void refill_aMemberWithoutAFreeRefillSlot_noMemberRefills_evenWithAnEmptyPool() {
        Participants pair = new Participants(List.of(1, 2), 2);
        OfferExchange full = new OfferExchange(pair, 1, List.of(), OfferExchange.CANNOT_REFILL);
        OfferExchange free = new OfferExchange(pair, 2, List.of(), 0);
        byte[] fromFull = full.start().getFirst().payload();
        byte[] fromFree = free.start().getFirst().payload();

        full.receive(2, fromFree);
        free.receive(1, fromFull);

        assertTrue(PkpSigner.refillCount(0, full.output().orElseThrow().inFlight()) <= 0);
        assertTrue(PkpSigner.refillCount(0, free.output().orElseThrow().inFlight()) <= 0);
        assertEquals(PkpSigner.TARGET, PkpSigner.refillCount(0, 0), "with free slots an empty pool is refilled");
    }
}
