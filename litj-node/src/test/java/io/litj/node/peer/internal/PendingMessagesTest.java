package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import org.junit.jupiter.api.Test;

/** Messages for runs not started yet: kept in order, bounded, forgotten when old (time given, not waited for). */
class PendingMessagesTest {
    private static final long AGE = 1_000;

    private static PendingMessages.Pending at(long nanos, int seq, int size) {
        return new PendingMessages.Pending(2, seq, new byte[size], null, nanos);
    }

    @Test
    void take_returnsWhatWaitedInArrivalOrder_once() {
        PendingMessages pending = new PendingMessages(AGE);
        pending.add("tri-a", at(0, 0, 1));
        pending.add("tri-a", at(1, 1, 1));

        assertEquals(2, pending.take("tri-a").size());
        assertEquals(0, pending.take("tri-a").size());
    }

    @Test
    void add_beyondTheRunBound_refusedWithNodeConcurrencyOverload() {
        PendingMessages pending = new PendingMessages(AGE);
        for (int i = 0; i < PendingMessages.MAX_RUNS; i++) {
            pending.add("run-" + i, at(0, 0, 1));
        }

        assertEquals(LitErrorCode.NodeConcurrencyOverload, assertThrows(LitNodeException.class,
                () -> pending.add("one-more", at(0, 0, 1))).code());
    }

    @Test
    void add_beyondTheMessageOrByteBound_refusedWithNodeConcurrencyOverload() {
        PendingMessages pending = new PendingMessages(AGE);
        for (int i = 0; i < PendingMessages.MAX_PER_RUN; i++) {
            pending.add("run", at(0, i, 1));
        }
        assertEquals(LitErrorCode.NodeConcurrencyOverload, assertThrows(LitNodeException.class,
                () -> pending.add("run", at(0, 99, 1))).code());
        assertEquals(LitErrorCode.NodeConcurrencyOverload, assertThrows(LitNodeException.class,
                () -> pending.add("big", at(0, 0, (int) PendingMessages.MAX_BYTES))).code());
    }

    @Test
    void add_afterTheMaximumAge_theOldRunsAreForgotten() {
        PendingMessages pending = new PendingMessages(AGE);
        for (int i = 0; i < PendingMessages.MAX_RUNS; i++) {
            pending.add("run-" + i, at(0, 0, 1));
        }

        pending.add("fresh", at(AGE + 1, 0, 1));

        assertEquals(1, pending.runs());
    }
}
