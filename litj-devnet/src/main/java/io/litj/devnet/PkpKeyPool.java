package io.litj.devnet;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.devnet.evm.EvmRegistryWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the chain's pool of PKP keys (PubkeyRouter's, handed out by {@code PKPNFT.mintNext}) at a target size, so
 * that a mint from any wallet finds a key the nodes made ahead of time. One background thread checks the pool every
 * {@link #CHECK_EVERY}; while it is below the target it makes a key (a DKG among the nodes) and routes it, one at a
 * time. A failure (nodes down, chain not answering) is logged and retried after a back-off that doubles up to
 * {@link Backoff#max()}; a success resets it. The target is capped at {@value #MAX_TARGET}, so a wrong setting cannot
 * make the nodes run DKGs without end. {@link #close()} stops the thread, interrupting a key being made.
 *
 * <p>Thread-safe: making a key ({@link #ensureKey} and the background thread) is serialized.
 */
public final class PkpKeyPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PkpKeyPool.class);
    /** The largest pool a devnet keeps. */
    public static final int MAX_TARGET = 64;
    /** The devnet's default: small, so that start-up stays quick. */
    public static final int DEFAULT_TARGET = 4;
    /** How often a full pool is checked for keys someone minted. */
    static final Duration CHECK_EVERY = Duration.ofMillis(500);
    /** How long {@link #close()} waits for the thread to stop. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    /** Where keys go: the chain's pool. */
    public interface Chain {
        /** How many routed keys no one has minted yet. */
        long poolSize();

        /** Adds {@code publicKey} (65 bytes, uncompressed) to the pool. */
        void route(byte[] publicKey);

        /** PubkeyRouter's pool, routed by {@code writer}'s admin ({@code keyPoolSize}, {@code setRoutingData}). */
        static Chain of(EvmRegistryWriter writer) {
            return new Chain() {
                @Override
                public long poolSize() {
                    return writer.keyPoolSize();
                }

                @Override
                public void route(byte[] publicKey) {
                    writer.routeKey(publicKey);
                }
            };
        }
    }

    /** The wait after the {@code n}th failure in a row: {@code first · 2^(n-1)}, at most {@code max}. */
    public record Backoff(Duration first, Duration max) {
        public Backoff {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("back-off needs 0 < first <= max, not " + first + ", " + max);
            }
        }

        /** The default: 1 s, doubling up to a minute. */
        public static Backoff standard() {
            return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        }

        /** The wait after {@code failures} (at least 1) failures in a row. */
        public Duration after(int failures) {
            int doublings = Math.min(Math.max(failures, 1) - 1, 30);
            Duration d = first.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 ? max : d;
        }
    }

    private final Supplier<byte[]> keyMaker;
    private final Chain chain;
    private final int target;
    private final Backoff backoff;
    private final Object making = new Object();
    private final ScheduledExecutorService thread;
    private volatile boolean closed;
    // guarded by making
    private int failures;
    private long made;
    private long failed;

    private PkpKeyPool(Supplier<byte[]> keyMaker, Chain chain, int target, Backoff backoff) {
        this.keyMaker = Objects.requireNonNull(keyMaker, "keyMaker");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.target = target;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "litj-pkp-key-pool");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts keeping the pool at {@code target} keys (0: the refiller stays idle, {@link #ensureKey} still works),
     * each made by {@code keyMaker} and routed by {@code chain}.
     *
     * @throws LitNodeException {@code InvalidArgument} if {@code target} is outside {@code [0, MAX_TARGET]}
     */
    public static PkpKeyPool start(Supplier<byte[]> keyMaker, Chain chain, int target, Backoff backoff) {
        PkpKeyPool pool = new PkpKeyPool(keyMaker, chain, checkTarget(target), backoff);
        pool.thread.execute(pool::tick);
        return pool;
    }

    /**
     * A pool kept at {@code target} only when asked ({@link #fill}, {@link #ensureKey}): no background thread.
     *
     * @throws LitNodeException {@code InvalidArgument} if {@code target} is outside {@code [0, MAX_TARGET]}
     */
    public static PkpKeyPool idle(Supplier<byte[]> keyMaker, Chain chain, int target) {
        return new PkpKeyPool(keyMaker, chain, checkTarget(target), Backoff.standard());
    }

    /**
     * Returns {@code target} if it is a pool size a devnet may keep.
     *
     * @throws LitNodeException {@code InvalidArgument} if it is outside {@code [0, MAX_TARGET]}
     */
    public static int checkTarget(int target) {
        if (target < 0 || target > MAX_TARGET) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "the key pool target must be in [0, "
                    + MAX_TARGET + "], not " + target);
        }
        return target;
    }

    /** The size the pool is kept at. */
    public int target() {
        return target;
    }

    /**
     * How many keys this pool made and routed. Waits while a key is being made, so that a pool seen full on chain
     * and this count agree.
     */
    public long made() {
        synchronized (making) {
            return made;
        }
    }

    /** How many attempts to make or route a key failed (waits as {@link #made()}). */
    public long failed() {
        synchronized (making) {
            return failed;
        }
    }

    /**
     * Makes and routes a key now if the pool is empty, so that the next {@code mintNext} finds one (unless another
     * wallet takes it first).
     *
     * @throws LitNodeException as the key maker or the chain fails, or {@code NodeSystemFault} once closed
     */
    public void ensureKey() {
        synchronized (making) {
            if (closed) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "the key pool is closed");
            }
            if (chain.poolSize() == 0) {
                makeOne();
            }
        }
    }

    /**
     * Fills the pool up to the target now, in the caller's thread (at most {@code target} keys): what an operator's
     * {@code litj chain pool --once} runs. A pool already at the target makes no key.
     *
     * @return how many keys were made and routed
     * @throws LitNodeException as the key maker or the chain fails (keys routed before stay routed), or
     *     {@code NodeSystemFault} once closed
     */
    public int fill() {
        synchronized (making) {
            int madeNow = 0;
            while (madeNow < target) {
                if (closed) {
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "the key pool is closed");
                }
                if (chain.poolSize() >= target) {
                    break;
                }
                makeOne();
                madeNow++;
            }
            return madeNow;
        }
    }

    private void tick() {
        if (closed) {
            return;
        }
        Duration next = CHECK_EVERY;
        synchronized (making) {
            try {
                if (!closed && chain.poolSize() < target) {
                    makeOne();
                    next = Duration.ZERO;
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                failed++;
                next = backoff.after(failures);
                if (!closed) {
                    LOG.warn("making a pool key failed ({} in a row); next try in {}: {}", failures, next,
                            e.getMessage());
                }
            }
        }
        if (!closed) {
            try {
                thread.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    private void makeOne() {
        chain.route(keyMaker.get());
        made++;
    }

    /** Stops the refiller (a key being made is interrupted) and waits at most {@link #CLOSE_WAIT} for it. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the key pool's thread did not stop within {}", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
