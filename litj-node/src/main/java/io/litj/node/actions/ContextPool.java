package io.litj.node.actions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's {@link PreparedContext}s built ahead of time, so that a request does not wait for a context and the
 * prelude (most of a trivial action's cost): up to {@code capacity} of them, built on the {@code preparer} executor.
 *
 * <p>{@link #take()} hands a ready context out once and removes it from the pool (it is never given out again: the
 * execution closes it after its request, so no state passes from one request to the next); when none is ready it
 * builds one on the calling thread and asks the preparer to fill the pool. Otherwise replacements are asked for by
 * {@link #refill()}, which the runtime calls when an execution has ended, so that on a machine with few cores the
 * builds do not compete with the request still in flight. The pool starts filling on the first {@link #take()} (a
 * runtime that never runs an action keeps none). {@link #close()} closes the ready contexts and every one still
 * being built once it is done. Thread-safe.
 */
final class ContextPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContextPool.class);

    private final int capacity;
    private final Supplier<PreparedContext> factory;
    private final Executor preparer;
    private final ArrayDeque<PreparedContext> ready = new ArrayDeque<>();
    private int building;
    private boolean closed;

    /**
     * @param capacity contexts kept ready, 0 for none (every {@link #take()} builds its own)
     * @param factory builds one context (may throw; the pool then stays short until the next take)
     * @param preparer runs the builds ahead of time (a single background thread is enough)
     */
    ContextPool(int capacity, Supplier<PreparedContext> factory, Executor preparer) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
        this.capacity = capacity;
        this.factory = factory;
        this.preparer = preparer;
    }

    /**
     * A context no one else has had or will get: a ready one if there is one, else one built on this thread.
     *
     * @throws RuntimeException what the factory throws when no context was ready
     */
    PreparedContext take() {
        PreparedContext context;
        synchronized (this) {
            context = ready.pollFirst();
        }
        if (context != null) {
            return context;
        }
        refill();
        return factory.get();
    }

    /** Contexts ready to be taken now. */
    synchronized int ready() {
        return ready.size();
    }

    /** Asks the preparer for as many builds as keep ready plus building at the capacity. */
    void refill() {
        while (true) {
            synchronized (this) {
                if (closed || ready.size() + building >= capacity) {
                    return;
                }
                building++;
            }
            try {
                preparer.execute(this::prepareOne);
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    building--;
                }
                return; // the engine is closing
            }
        }
    }

    private void prepareOne() {
        PreparedContext context;
        try {
            context = factory.get();
        } catch (RuntimeException | OutOfMemoryError e) {
            synchronized (this) {
                building--;
            }
            LOG.warn("preparing a Lit Action context failed: {}", e.getClass().getName());
            return;
        }
        boolean keep;
        synchronized (this) {
            building--;
            keep = !closed;
            if (keep) {
                ready.addLast(context);
            }
        }
        if (!keep) {
            context.close();
        }
    }

    /** Closes every ready context; contexts still being built are closed when done. Idempotent. */
    @Override
    public void close() {
        List<PreparedContext> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(ready);
            ready.clear();
        }
        toClose.forEach(PreparedContext::close);
    }
}
