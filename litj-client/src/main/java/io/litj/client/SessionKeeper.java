package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.SessionTimeRules;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Keeps sessions fresh for a long-running service: each {@link KeptSession} holds ready session sigs, and a
 * background task renews the wallet or PKP grant ahead of its expiry, so {@link KeptSession#sessionSigs()} never
 * waits on a wallet prompt or a {@code sign_session_key} round.
 *
 * <pre>{@code
 * try (LitClient client = …; SessionKeeper keeper = SessionKeeper.builder(client).build()) {
 *     KeptSession s = keeper.keep(SessionRequest.of(terms, wallet), Duration.ofHours(1));
 *     client.executeJs(ExecuteJsRequest.builder().code(code).sessionSigs(s.sessionSigs()).build());
 * }
 * }</pre>
 *
 * <p>Timing, for a session of lifetime {@code L}: a renewal is due when a third of {@code L} is left, minus a random
 * jitter of up to {@code L/10} (so many keepers do not ask one wallet or network at once). A failed renewal is retried
 * after 1 s, 2 s, 4 s … (at most {@code max(1 s, L/8)} and 5 min); the old session sigs are served meanwhile while
 * they are valid. The client's clock decides every time; the scheduler only waits.
 *
 * <p>Thread-safe. Closing the keeper — or the {@link LitClient} it was built for — cancels every renewal and stops
 * its thread; sessions already handed out stay valid until they expire.
 */
public final class SessionKeeper implements AutoCloseable {
    /** Shortest lifetime a keeper accepts (nodes allow 60 s of clock skew). */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final LitClient client;
    private final Scheduler scheduler;
    private final ScheduledThreadPoolExecutor ownExecutor;
    private final RandomGenerator random;
    private final List<KeptSession> sessions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Runs a task after a delay; the keeper's default is one daemon thread. Tests give a scheduler they drive. */
    @FunctionalInterface
    public interface Scheduler {
        /** Runs {@code task} once after {@code delay}; the returned future cancels it. */
        Future<?> schedule(Runnable task, Duration delay);
    }

    private SessionKeeper(Builder b) {
        this.client = b.client;
        this.random = b.random != null ? b.random : new SecureRandom();
        if (b.scheduler != null) {
            this.ownExecutor = null;
            this.scheduler = b.scheduler;
        } else {
            this.ownExecutor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "litj-session-keeper");
                t.setDaemon(true);
                return t;
            });
            this.ownExecutor.setRemoveOnCancelPolicy(true);
            this.scheduler = (task, delay) -> ownExecutor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    public static Builder builder(LitClient client) {
        return new Builder(client);
    }

    /**
     * Makes session sigs for {@code request} now (asking its signer or callback once) and renews them in the
     * background, each for {@code lifetime}.
     *
     * @throws LitClientException {@code InvalidArgument} for a lifetime outside [1 min, 30 days] or terms that already
     *         name an expiration (the keeper sets it); {@code ClientNotReady} when this keeper or its client is closed;
     *         what {@link LitClient#getSessionSigs} throws
     */
    public KeptSession keep(SessionRequest request, Duration lifetime) {
        Objects.requireNonNull(request, "request");
        return start(request.account().toChecksumString(), request.terms(), lifetime,
                terms -> client.getSessionSigs(request.withTerms(terms)));
    }

    /**
     * As {@link #keep(SessionRequest, Duration)} for a PKP session: each renewal is a {@code sign_session_key} round.
     *
     * @throws LitClientException as {@link #keep(SessionRequest, Duration)} and {@link LitClient#getPkpSessionSigs}
     */
    public KeptSession keep(PkpSessionRequest request, Duration lifetime) {
        Objects.requireNonNull(request, "request");
        return start(request.pkpAddress().toChecksumString(), request.terms(), lifetime,
                terms -> client.getPkpSessionSigs(request.withTerms(terms)));
    }

    private KeptSession start(String account, SessionTerms terms, Duration lifetime, KeptSession.Issuer issuer) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(SessionTimeRules.MAX_LIFETIME) > 0) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "a kept session's lifetime must be between "
                    + MIN_LIFETIME.toSeconds() + " s and " + SessionTimeRules.MAX_LIFETIME_DAYS + " days, not "
                    + lifetime.toSeconds() + " s");
        }
        if (terms.expiration().isPresent()) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "a kept session's terms must not name an "
                    + "expiration: the keeper sets each renewal's to now + lifetime");
        }
        requireOpen();
        KeptSession kept = new KeptSession(this, account, terms, lifetime, issuer);
        kept.renewNow();
        sessions.add(kept);
        if (closed) { // closed while the first grant was made: stop what was just scheduled
            kept.stop();
        }
        return kept;
    }

    /** The sessions this keeper keeps. */
    public List<KeptSession> sessions() {
        return List.copyOf(sessions);
    }

    /** True after {@link #close()} (or the client's close). */
    public boolean isClosed() {
        return closed;
    }

    /** Cancels every renewal and stops the keeper's thread (if it made one). Idempotent. */
    @Override
    public void close() {
        closed = true;
        sessions.forEach(KeptSession::stop);
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    /** After {@link #close()}: waits up to {@code timeout} for the keeper's own thread to end; true if it has. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return ownExecutor == null || ownExecutor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void requireOpen() {
        if (closed || !client.connected()) {
            throw new LitClientException(LitErrorCode.ClientNotReady, closed ? "the session keeper is closed"
                    : "the client is closed or not connected");
        }
    }

    LitClient client() {
        return client;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** A uniform draw in {@code [0, bound]} nanoseconds. */
    Duration jitter(Duration bound) {
        return Duration.ofNanos(bound.isZero() ? 0 : random.nextLong(bound.toNanos() + 1));
    }

    @Override
    public String toString() {
        return "SessionKeeper[sessions=" + sessions.size() + (closed ? " closed" : "") + "]";
    }

    /** Configures a {@link SessionKeeper}; not thread-safe. */
    public static final class Builder {
        private final LitClient client;
        private Scheduler scheduler;
        private RandomGenerator random;

        private Builder(LitClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Who waits between renewals (default: one daemon thread the keeper owns). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The source of jitter (default: a new {@link SecureRandom}). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** A keeper that the client closes when it is closed. */
        public SessionKeeper build() {
            SessionKeeper keeper = new SessionKeeper(this);
            client.closeWith(keeper);
            return keeper;
        }
    }
}
