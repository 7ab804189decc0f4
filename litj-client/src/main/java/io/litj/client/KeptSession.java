package io.litj.client;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.SessionSigs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session a {@link SessionKeeper} keeps fresh: {@link #sessionSigs()} hands out the current session sigs at once
 * (no signing, no network); renewals happen on the keeper's scheduler.
 *
 * <p>Thread-safe. {@link #toString()} shows the account, expiry and failures only.
 */
public final class KeptSession {
    private static final Logger LOG = LoggerFactory.getLogger(KeptSession.class);

    /** Makes session sigs on given terms (a wallet or PKP session). */
    @FunctionalInterface
    interface Issuer {
        SessionSigs issue(SessionTerms terms);
    }

    /** The session sigs in use and when they expire. */
    private record Current(SessionSigs sigs, Instant expiresAt) {
    }

    private final SessionKeeper keeper;
    private final String account;
    private final SessionTerms terms;
    private final Duration lifetime;
    private final Issuer issuer;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Current current;
    private volatile Optional<LitClientException> lastFailure = Optional.empty();
    private volatile int failuresInARow;
    private volatile int renewals;
    private Future<?> next;
    private boolean stopped;

    KeptSession(SessionKeeper keeper, String account, SessionTerms terms, Duration lifetime, Issuer issuer) {
        this.keeper = keeper;
        this.account = account;
        this.terms = terms;
        this.lifetime = lifetime;
        this.issuer = issuer;
    }

    /**
     * The current session sigs, at once.
     *
     * @throws LitClientException {@code InvalidSessionSigs} when they have expired because every renewal since failed
     *         (the message names the last failure)
     */
    public SessionSigs sessionSigs() {
        Current c = current;
        Instant now = keeper.client().clock().instant();
        if (!now.isBefore(c.expiresAt())) {
            throw new LitClientException(LitErrorCode.InvalidSessionSigs, "the kept session of " + account
                    + " expired at " + IsoTime.format(c.expiresAt()) + "; " + failuresInARow + " renewal(s) failed"
                    + lastFailure.map(e -> ", the last: [" + e.code().wireName() + "] " + Text.cut(e.getMessage()))
                    .orElse(""));
        }
        return c.sigs();
    }

    /** When the current session sigs expire. */
    public Instant expiresAt() {
        return current.expiresAt();
    }

    /** How many renewals succeeded after the first grant. */
    public int renewals() {
        return renewals;
    }

    /** Renewals that failed since the last success. */
    public int failuresInARow() {
        return failuresInARow;
    }

    /** The failure of the last renewal, if it failed. */
    public Optional<LitClientException> lastFailure() {
        return lastFailure;
    }

    /** The first grant, on the caller's thread: failures are thrown, not retried. */
    void renewNow() {
        Instant now = keeper.client().clock().instant();
        Instant expiresAt = now.plus(lifetime);
        current = new Current(issuer.issue(terms.toBuilder().expiration(expiresAt).build()), expiresAt);
        scheduleAfter(renewalDelay(now, expiresAt));
    }

    /** A renewal on the scheduler: success replaces the sigs; failure is kept and retried with back-off. */
    private void renew() {
        if (isStopped()) {
            return;
        }
        Instant now = keeper.client().clock().instant();
        Instant expiresAt = now.plus(lifetime);
        try {
            keeper.requireOpen();
            SessionSigs sigs = issuer.issue(terms.toBuilder().expiration(expiresAt).build());
            current = new Current(sigs, expiresAt);
            renewals++;
            failuresInARow = 0;
            lastFailure = Optional.empty();
            scheduleAfter(renewalDelay(now, expiresAt));
        } catch (LitClientException e) {
            if (e.code() == LitErrorCode.ClientNotReady) {
                LOG.info("stopping the renewals of {}'s session: {}", account, e.getMessage());
                stop();
                return;
            }
            fail(e);
        } catch (RuntimeException e) {
            fail(new LitClientException(LitErrorCode.WalletSignatureNotFound, "renewal failed: " + e, e));
        }
    }

    private void fail(LitClientException e) {
        int n = ++failuresInARow;
        lastFailure = Optional.of(e);
        Duration wait = backoff(n);
        LOG.warn("renewing {}'s session failed ({} in a row), retrying in {} s: [{}] {}", account, n,
                wait.toSeconds(), e.code().wireName(), Text.cut(e.getMessage()));
        scheduleAfter(wait);
    }

    /** When a third of the lifetime is left, less a jitter of up to a tenth of it. */
    private Duration renewalDelay(Instant now, Instant expiresAt) {
        Duration untilDue = Duration.between(now, expiresAt).minus(lifetime.dividedBy(3));
        Duration d = untilDue.minus(keeper.jitter(lifetime.dividedBy(10)));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** 1 s, 2 s, 4 s … capped at {@code max(1 s, lifetime/8)} and 5 min. */
    Duration backoff(int failures) {
        Duration cap = lifetime.dividedBy(8);
        if (cap.compareTo(SessionKeeper.FIRST_BACKOFF) < 0) {
            cap = SessionKeeper.FIRST_BACKOFF;
        }
        if (cap.compareTo(SessionKeeper.MAX_BACKOFF) > 0) {
            cap = SessionKeeper.MAX_BACKOFF;
        }
        Duration d = SessionKeeper.FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private void scheduleAfter(Duration delay) {
        lock.lock();
        try {
            if (!stopped) {
                next = keeper.scheduler().schedule(this::renew, delay);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels the next renewal; no other is scheduled. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        Current c = current;
        return "KeptSession[account=" + account + " expiresAt=" + (c == null ? "-" : IsoTime.format(c.expiresAt()))
                + " renewals=" + renewals + " failuresInARow=" + failuresInARow + "]";
    }
}
