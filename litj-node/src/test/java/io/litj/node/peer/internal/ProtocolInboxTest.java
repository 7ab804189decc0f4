package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import org.junit.jupiter.api.Test;

/** A run's inbox: each sender's messages in the order sent, copies dropped, bounded, aborts and deadlines. */
class ProtocolInboxTest {
    private static final long LATER = Long.MAX_VALUE / 2;

    private static byte[] b(int v) {
        return new byte[] {(byte) v};
    }

    @Test
    void take_messagesArrivingOutOfOrder_comeInTheOrderSentPerSender() throws Exception {
        ProtocolInbox inbox = new ProtocolInbox();
        inbox.offer(2, 1, b(21));
        inbox.offer(3, 0, b(30));
        inbox.offer(2, 0, b(20));
        inbox.offer(2, 0, b(99)); // a retried copy

        assertEquals(3, inbox.take(System.nanoTime() + LATER).from());
        ProtocolInbox.Delivery first = inbox.take(System.nanoTime() + LATER);
        ProtocolInbox.Delivery second = inbox.take(System.nanoTime() + LATER);
        assertArrayEquals(b(20), first.payload());
        assertArrayEquals(b(21), second.payload());
    }

    @Test
    void offer_tooManyMessagesAheadOfTheirTurn_refusedWithNodeConcurrencyOverload() {
        ProtocolInbox inbox = new ProtocolInbox();
        for (int seq = 1; seq <= ProtocolInbox.MAX_AHEAD; seq++) {
            inbox.offer(2, seq, b(seq));
        }

        assertEquals(LitErrorCode.NodeConcurrencyOverload, assertThrows(LitNodeException.class,
                () -> inbox.offer(2, ProtocolInbox.MAX_AHEAD + 1, b(0))).code());
    }

    @Test
    void take_afterAnAbort_failsWithNodeSystemFaultNamingTheReason() {
        ProtocolInbox inbox = new ProtocolInbox();
        inbox.abort("party 2: it cheated");

        LitNodeException e = assertThrows(LitNodeException.class, () -> inbox.take(System.nanoTime() + LATER));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().contains("party 2: it cheated"), e::getMessage);
    }

    @Test
    void take_pastTheDeadline_failsWithNodeSystemFault() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> new ProtocolInbox().take(System.nanoTime() - 1));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().contains("timed out"), e::getMessage);
    }
}
