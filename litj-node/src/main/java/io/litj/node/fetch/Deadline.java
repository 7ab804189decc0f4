package io.litj.node.fetch;

import io.litj.node.actions.ActionHostException;
import java.time.Clock;
import java.time.Instant;

/**
 * When one fetch must be done: the earlier of its own time limit and the action's deadline, read from an injected
 * clock. Immutable.
 */
record Deadline(Clock clock, Instant at, long budgetMillis) {
    /** Ends {@code budgetMillis} from now, but not after {@code latest}. */
    static Deadline of(Clock clock, long budgetMillis, Instant latest) {
        Instant own = clock.instant().plusMillis(budgetMillis);
        return new Deadline(clock, own.isBefore(latest) ? own : latest, budgetMillis);
    }

    /**
     * Milliseconds left, at least 1.
     *
     * @throws ActionHostException "timed out" once none are left
     */
    int remainingMillis(String url) {
        long left = at.toEpochMilli() - clock.millis();
        if (left <= 0) {
            throw timedOut(url);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    ActionHostException timedOut(String url) {
        return new ActionHostException("fetch failed: " + url + " did not answer in time (limit " + budgetMillis
                + " ms per fetch, or the action's own deadline)");
    }
}
