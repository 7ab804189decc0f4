package io.litj.node.actions;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The execution slots of one node: at most {@link ActionLimits#maxConcurrent()} executions at once, of which one
 * caller holds at most {@link ActionLimits#maxConcurrentPerCaller()} (the fairness rule). A slot is taken before an
 * execution starts and given back by {@link Slot#release()} once its action thread has stopped. Thread-safe.
 */
final class ActionSlots {
    private final int total;
    private final int perCaller;
    private final Map<String, Integer> byCaller = new HashMap<>();
    private int used;

    ActionSlots(ActionLimits limits) {
        this.total = limits.maxConcurrent();
        this.perCaller = limits.maxConcurrentPerCaller();
    }

    /**
     * Takes a slot for {@code caller}.
     *
     * @throws ActionException {@code NodeConcurrencyOverload} (HTTP 429) when every slot is taken, or when
     *     {@code caller} already holds its share
     */
    synchronized Slot acquire(String caller) {
        if (used >= total) {
            throw new ActionException(LitErrorCode.NodeConcurrencyOverload, "too many Lit Actions running (limit "
                    + total + ")", "");
        }
        int mine = byCaller.getOrDefault(caller, 0);
        if (mine >= perCaller) {
            throw new ActionException(LitErrorCode.NodeConcurrencyOverload, "caller " + Text.cut(caller)
                    + " already runs " + mine + " Lit Action" + (mine == 1 ? "" : "s") + " on this node; one caller "
                    + "may run at most " + perCaller + " of its " + total + " at once", "");
        }
        used++;
        byCaller.put(caller, mine + 1);
        return new Slot(caller);
    }

    /** Slots taken now. */
    synchronized int used() {
        return used;
    }

    private synchronized void release(String caller) {
        used--;
        byCaller.computeIfPresent(caller, (k, n) -> n == 1 ? null : n - 1);
    }

    /** One taken slot; {@link #release()} gives it back once (later calls do nothing). */
    final class Slot {
        private final String caller;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String caller) {
            this.caller = caller;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                ActionSlots.this.release(caller);
            }
        }
    }
}
