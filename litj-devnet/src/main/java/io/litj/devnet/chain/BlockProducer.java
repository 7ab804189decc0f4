package io.litj.devnet.chain;

import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's block source: appends a new block to the registry every interval (default 2 s). Lit clients use the
 * latest block hash as their SIWE nonce and nodes check it against the registry.
 *
 * <p>A block's hash is {@code keccak256(previousHash ‖ number ‖ timestamp ‖ 32 random bytes)}, written
 * {@code 0x} + 64 lowercase hex, where {@code previousHash} is the previous block's 32 hash bytes (32 zero bytes for
 * the genesis block), {@code number} and {@code timestamp} (unix seconds) are 8-byte big-endian integers. The
 * timestamp is the injected clock's time truncated to seconds. Every {@value #PRUNE_EVERY} blocks, blocks older than
 * the retention are deleted (default and longest: {@link SessionTimeRules#MAX_LIFETIME}, since a block hash is the
 * nonce of a SIWE that may be used that long).
 *
 * <p>{@link #start()} schedules {@link #produceNext()} on a single thread this producer owns; {@link #close()} stops
 * it. A failed tick is logged and the next one runs as scheduled. Thread-safe: ticks never overlap, and the registry
 * refuses a block out of sequence should two producers share one file.
 */
public final class BlockProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);
    /** Default time between blocks. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /** Shortest interval accepted. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(50);
    /** Longest interval accepted. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    /**
     * Default and longest block retention: as long as a session may last ({@link SessionTimeRules#MAX_LIFETIME}),
     * because a block hash is the nonce of a SIWE and nodes look the block up while the SIWE is used.
     */
    public static final Duration MAX_RETENTION = SessionTimeRules.MAX_LIFETIME;
    /** Pruning runs when a block number is a multiple of this. */
    public static final int PRUNE_EVERY = 30;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final SqliteRegistryWriter registry;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration interval;
    private final Duration retention;
    private final ScheduledExecutorService scheduler;
    private final Object tickLock = new Object();
    private boolean started;

    private BlockProducer(Builder b) {
        this.registry = b.registry;
        this.clock = b.clock;
        this.random = b.random;
        this.interval = b.interval;
        this.retention = b.retention;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("litj-block-producer").factory());
    }

    /** A builder for a producer appending to {@code registry} (which the caller keeps and closes). */
    public static Builder builder(SqliteRegistryWriter registry) {
        return new Builder(registry);
    }

    /**
     * Appends block 0 to a new, empty registry: previous hash 32 zero bytes, timestamp {@code clock} truncated to
     * seconds.
     *
     * @throws LitNodeException {@code InvalidArgument} if the registry already holds blocks;
     *         {@code NodeSystemFault} on SQLite failure
     */
    public static Block appendGenesis(SqliteRegistryWriter registry, Clock clock, SecureRandom random) {
        Block genesis = nextBlock(new byte[32], 0, clock, random);
        registry.appendBlock(genesis);
        LOG.info("genesis block {} at {}", genesis.hash(), genesis.timestamp());
        return genesis;
    }

    /**
     * Appends the block after the registry's latest one now, and prunes every {@value #PRUNE_EVERY} blocks. Used by
     * the schedule, and directly by tests.
     *
     * @return the new block
     * @throws LitNodeException {@code NodeSystemFault} if the registry has no genesis block or on
     *         SQLite failure
     */
    public Block produceNext() {
        synchronized (tickLock) {
            Block latest = registry.latestBlock().orElseThrow(() -> new LitNodeException(
                    LitErrorCode.NodeSystemFault, "registry " + registry.file() + " holds no block yet"));
            Block next = nextBlock(Hex.decode(latest.hash().substring(2), "latest block hash"), latest.number() + 1,
                    clock, random);
            registry.appendBlock(next);
            if (next.number() % PRUNE_EVERY == 0) {
                int pruned = registry.pruneBlocksBefore(next.timestamp().minus(retention));
                if (pruned > 0) {
                    LOG.debug("pruned {} blocks older than {}", pruned, retention);
                }
            }
            LOG.trace("block {} {}", next.number(), next.hash());
            return next;
        }
    }

    /** Starts producing a block every interval, the first one interval from now. Idempotent. */
    public synchronized BlockProducer start() {
        if (!started) {
            started = true;
            long millis = interval.toMillis();
            scheduler.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
            LOG.info("producing a block every {} ms into {}", millis, registry);
        }
        return this;
    }

    /** The time between blocks. */
    public Duration interval() {
        return interval;
    }

    /** Stops the schedule and waits (at most 5 s) for a running tick to finish. Idempotent. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("block producer did not stop within {} ms", CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick() {
        try {
            produceNext();
        } catch (RuntimeException e) {
            // a throwing task would cancel the schedule; keep producing and let the next tick retry
            LOG.error("producing a block failed: {}", e.toString());
        }
    }

    private static Block nextBlock(byte[] previousHash, long number, Clock clock, SecureRandom random) {
        Instant timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        ByteBuffer preimage = ByteBuffer.allocate(32 + 8 + 8 + 32);
        preimage.put(previousHash).putLong(number).putLong(timestamp.getEpochSecond()).put(salt);
        String hash = "0x" + Hex.encode(Hashes.keccak256(preimage.array()));
        return new Block(number, hash, timestamp);
    }

    /**
     * Configures a {@link BlockProducer}; defaults: system UTC clock, a new SecureRandom, 2 s, and
     * {@link BlockProducer#MAX_RETENTION}.
     */
    public static final class Builder {
        private final SqliteRegistryWriter registry;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private Duration interval = DEFAULT_INTERVAL;
        private Duration retention = MAX_RETENTION;

        private Builder(SqliteRegistryWriter registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The clock block timestamps are read from (truncated to seconds). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of each block's 32 random bytes. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Time between blocks, {@code 50 ms..1 h}. */
        public Builder interval(Duration interval) {
            if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
                throw new IllegalArgumentException("block interval must lie in 50 ms..1 h but is " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** How long blocks are kept, from 1 min up to {@link BlockProducer#MAX_RETENTION}. */
        public Builder retention(Duration retention) {
            if (retention.compareTo(Duration.ofMinutes(1)) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
                throw new IllegalArgumentException("block retention must lie in 1 min.." + MAX_RETENTION.toDays()
                        + " days but is " + retention);
            }
            this.retention = retention;
            return this;
        }

        /** The producer, not yet started. */
        public BlockProducer build() {
            return new BlockProducer(this);
        }
    }
}
