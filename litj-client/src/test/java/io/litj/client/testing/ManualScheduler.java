package io.litj.client.testing;

import io.litj.client.SessionKeeper;
import io.litj.protocol.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A {@link SessionKeeper.Scheduler} that tests drive: tasks wait in a list, each due at the clock's time when it was
 * scheduled plus its delay; {@link #runNext()} moves the clock to the earliest due task and runs it on the test thread.
 */
public final class ManualScheduler implements SessionKeeper.Scheduler {
    /** A scheduled task. */
    public record Task(Runnable body, Duration delay, Instant due, CompletableFuture<Void> future) {
    }

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<?> schedule(Runnable body, Duration delay) {
        Task t = new Task(body, delay, clock.instant().plus(delay), new CompletableFuture<>());
        tasks.add(t);
        return t.future();
    }

    /** The tasks not yet run and not cancelled, earliest first. */
    public synchronized List<Task> pending() {
        return tasks.stream().filter(t -> !t.future().isDone()).sorted(Comparator.comparing(Task::due)).toList();
    }

    /** Moves the clock to the earliest pending task (never back) and runs it; false if none is pending. */
    public boolean runNext() {
        Task t;
        synchronized (this) {
            List<Task> p = pending();
            if (p.isEmpty()) {
                return false;
            }
            t = p.get(0);
            t.future().complete(null);
        }
        if (t.due().isAfter(clock.instant())) {
            clock.set(t.due());
        }
        t.body().run();
        return true;
    }
}
