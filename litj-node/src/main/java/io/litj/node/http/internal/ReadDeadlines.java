package io.litj.node.http.internal;

import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.litj.protocol.Text;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the connection of a request that does not arrive in time: a request's headers and body must have been read
 * within the read timeout of its first line, or the connection is closed. Guards against a client that sends its
 * headers or body slowly, or stops half-way, to hold a connection and a request slot (slowloris).
 *
 * <p>How: Helidon serves each HTTP/1 connection on one virtual thread and reads a request on it. The
 * {@link #receiveListener()} arms a deadline for that thread when a request's first line has been read;
 * {@link BodyReader} calls {@link #arrived()} once it has read the body (or knows there is none to read), which
 * disarms it, and {@link HttpBridge#directHandler()} calls {@link #forget()} for a request Helidon refuses itself. If the deadline passes first, a timer thread interrupts the connection's thread, which closes its
 * socket (a blocking read of an interruptible channel ends by closing it) and ends the connection. Helidon 4.5's own
 * {@code readTimeout} socket option is not applied to the connections it accepts, hence this class. The time before a
 * first line is the idle timeout's business (Helidon closes a connection that is idle while waiting for one).
 *
 * <p>Thread-safe; {@link #close()} stops the timer.
 */
final class ReadDeadlines implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlines.class);
    private static final int ARMED = 0;
    private static final int ARRIVED = 1;
    private static final int EXPIRED = 2;

    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadLocal<Deadline> current = new ThreadLocal<>();

    ReadDeadlines(Duration timeout) {
        this.timeout = timeout;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "litj-read-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Arms the deadline of each request when its first line has been read (on the connection's thread). */
    Http1ConnectionListener receiveListener() {
        return new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                arm(prologue.method().text() + " " + Text.cut(prologue.uriPath().rawPath()));
            }
        };
    }

    private void arm(String request) {
        forget();
        Deadline d = new Deadline(Thread.currentThread(), request);
        try {
            d.future = timer.schedule(d::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
            current.set(d);
        } catch (RejectedExecutionException e) {
            // closed: the listener is stopping and ends this connection anyway
        }
    }

    /**
     * The current thread's request has been read (or will not be): disarms its deadline.
     *
     * @throws CloseConnectionException if the deadline passed first (the connection is being closed)
     */
    void arrived() {
        Deadline d = current.get();
        if (d != null) {
            current.remove();
            if (!d.disarm()) {
                throw new CloseConnectionException(d.request + " did not arrive within " + timeout.toMillis() + " ms");
            }
        }
    }

    /** Disarms the current thread's deadline, if any, whatever its state (a request Helidon refused itself). */
    void forget() {
        Deadline d = current.get();
        if (d != null) {
            current.remove();
            d.disarm();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Deadline {
        private final Thread thread;
        private final String request;
        private final AtomicInteger state = new AtomicInteger(ARMED);
        private volatile ScheduledFuture<?> future;

        private Deadline(Thread thread, String request) {
            this.thread = thread;
            this.request = request;
        }

        private void expire() {
            if (state.compareAndSet(ARMED, EXPIRED)) {
                LOG.info("{} did not arrive within {} ms; closing its connection", request, timeout.toMillis());
                thread.interrupt();
            }
        }

        /** True if the request arrived in time; false if the deadline had passed. */
        private boolean disarm() {
            boolean inTime = state.compareAndSet(ARMED, ARRIVED);
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            return inTime || state.get() == ARRIVED;
        }
    }
}
