package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages of one protocol run waiting for its driver: per sender in the order sent ({@code seq} 0, 1, …),
 * however they arrived; a message ahead of its turn waits, at most {@value #MAX_AHEAD} per sender. An abort from a
 * participant ends the run. Thread-safe: HTTP threads offer, the run's driver takes.
 */
final class ProtocolInbox {
    static final int MAX_AHEAD = 64;

    /** One message ready for the protocol. */
    record Delivery(int from, byte[] payload) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private final Map<Integer, Integer> nextSeq = new HashMap<>();
    private final Map<Integer, TreeMap<Integer, byte[]>> ahead = new HashMap<>();
    private String aborted;

    /**
     * Takes a message of {@code from} (share index) numbered {@code seq}; a copy of one already taken is ignored.
     *
     * @throws LitNodeException {@code NodeConcurrencyOverload} if too many of its messages wait ahead of their turn
     */
    void offer(int from, int seq, byte[] payload) {
        lock.lock();
        try {
            int next = nextSeq.getOrDefault(from, 0);
            if (seq < next) {
                return;
            }
            TreeMap<Integer, byte[]> waiting = ahead.computeIfAbsent(from, k -> new TreeMap<>());
            if (waiting.size() >= MAX_AHEAD && !waiting.containsKey(seq)) {
                throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "party " + from + " has "
                        + MAX_AHEAD + " messages waiting for their turn in this run");
            }
            waiting.put(seq, payload);
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                queue.add(new Delivery(from, waiting.pollFirstEntry().getValue()));
                next++;
            }
            nextSeq.put(from, next);
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the run: the driver's next {@link #take} fails with {@code reason}. */
    void abort(String reason) {
        lock.lock();
        try {
            if (aborted == null) {
                aborted = reason;
            }
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message if one is ready now, else null; never waits.
     *
     * @throws LitNodeException {@code NodeSystemFault} naming the reason if the run was aborted
     */
    Delivery poll() {
        lock.lock();
        try {
            if (aborted != null) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "the run was aborted: " + aborted);
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message, waiting at most until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @throws LitNodeException {@code NodeSystemFault} naming the reason if the run was aborted or the deadline
     *     passed
     * @throws InterruptedException if the driver is interrupted
     */
    Delivery take(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && aborted == null) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "the run timed out waiting for messages");
                }
                ready.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            if (aborted != null) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "the run was aborted: " + aborted);
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }
}
