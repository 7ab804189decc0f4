package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages for protocol runs this node has not started yet (another node got the request a moment earlier), kept
 * until the run starts or {@code maxAgeNanos} passes. Bounded three ways: at most {@value #MAX_RUNS} unknown runs,
 * {@value #MAX_PER_RUN} messages per run and {@value #MAX_BYTES} payload bytes in all; beyond, a message is refused
 * with {@code NodeConcurrencyOverload} and its sender tries again later. Thread-safe.
 */
final class PendingMessages {
    static final int MAX_RUNS = 64;
    static final int MAX_PER_RUN = 64;
    static final long MAX_BYTES = 8L << 20;

    /** One buffered message: sender, sequence number and what arrived (a payload or an abort). */
    record Pending(int from, int seq, byte[] payload, String abortReason, long arrivedNanos) {
    }

    private final long maxAgeNanos;
    private final LinkedHashMap<String, List<Pending>> byRun = new LinkedHashMap<>();
    private long bytes;

    PendingMessages(long maxAgeNanos) {
        this.maxAgeNanos = maxAgeNanos;
    }

    /**
     * Keeps {@code message} for run {@code key}.
     *
     * @throws LitNodeException {@code NodeConcurrencyOverload} if a bound is reached
     */
    synchronized void add(String key, Pending message) {
        expire(message.arrivedNanos());
        List<Pending> list = byRun.get(key);
        int size = message.payload() == null ? 0 : message.payload().length;
        if ((list == null && byRun.size() >= MAX_RUNS) || (list != null && list.size() >= MAX_PER_RUN)
                || bytes + size > MAX_BYTES) {
            throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "this node holds too many messages "
                    + "for protocol runs it has not started; try again later");
        }
        byRun.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        bytes += size;
    }

    /** Removes and returns what waits for run {@code key}, in arrival order. */
    synchronized List<Pending> take(String key) {
        List<Pending> list = byRun.remove(key);
        if (list == null) {
            return List.of();
        }
        list.forEach(p -> bytes -= p.payload() == null ? 0 : p.payload().length);
        return list;
    }

    /** Runs with messages waiting (tests). */
    synchronized int runs() {
        return byRun.size();
    }

    private void expire(long nowNanos) {
        for (Iterator<Map.Entry<String, List<Pending>>> it = byRun.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<Pending>> e = it.next();
            if (nowNanos - e.getValue().get(0).arrivedNanos() <= maxAgeNanos) {
                continue;
            }
            e.getValue().forEach(p -> bytes -= p.payload() == null ? 0 : p.payload().length);
            it.remove();
        }
    }
}
