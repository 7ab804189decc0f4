package io.litj.protocol.testing;

import java.util.Objects;

/**
 * A value made on first use and remembered — or the failure (a skip, an assertion, an exception) that prevented it,
 * thrown again to every later caller. For interop tests that run one script per class: not in {@code @BeforeAll},
 * where a skip would hide the tests from the reports, but inside each test, so that every test is reported skipped
 * (or failed) for the same reason.
 */
public final class RunOnce<T> {
    /** Makes the value; may throw anything. */
    @FunctionalInterface
    public interface Maker<T> {
        T make() throws Exception;
    }

    private final Maker<T> maker;
    private T value;
    private Throwable failure;

    public RunOnce(Maker<T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    /** The value, made on the first call. */
    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = Objects.requireNonNull(maker.make(), "made nothing");
            } catch (Throwable t) {
                failure = t;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return value;
    }
}
