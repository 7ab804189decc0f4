package io.litj.node.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An executor that keeps every task until {@link #release()}, then runs the kept ones and every later one at once.
 * Given to a runtime as its canceller, it stands for a cancellation that has not taken effect yet: the action's
 * context stays open and its thread keeps running until the test lets the cancellation through.
 */
final class HeldExecutor implements Executor {
    private final List<Runnable> held = new ArrayList<>();
    private boolean released;

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (!released) {
                held.add(task);
                return;
            }
        }
        task.run();
    }

    /** Tasks kept so far. */
    synchronized int heldCount() {
        return held.size();
    }

    /** Runs the kept tasks on the calling thread; later tasks run at once. Idempotent. */
    void release() {
        List<Runnable> tasks;
        synchronized (this) {
            released = true;
            tasks = List.copyOf(held);
            held.clear();
        }
        tasks.forEach(Runnable::run);
    }
}
