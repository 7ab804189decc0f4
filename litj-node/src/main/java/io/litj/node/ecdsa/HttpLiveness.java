package io.litj.node.ecdsa;

import io.litj.node.registry.NodeEntry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import io.litj.protocol.tls.TlsContexts;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Asks {@code GET <node>/litj/health}. A node counts as down only when no connection can be made to it (refused,
 * or not within {@link #TIMEOUT}); one that takes the connection counts as live even if a busy machine answers late,
 * so that nodes under load do not see each other come and go and pick different signing sets. A live node is
 * remembered for {@link #REMEMBER} without asking again; once its answer is older than {@link #REFRESH} it still
 * counts as live and is asked again in the background, so that a node under steady load never waits for a health
 * answer on a request; every call also asks, in the background, the other nodes it knows whose answers are that old,
 * so that a request rarely needs a health answer on its path, whichever nodes its ranking reaches. A down one is asked
 * again next time (so a restarted node is seen at once). Thread-safe.
 */
final class HttpLiveness implements Liveness, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration REMEMBER = Duration.ofSeconds(2);
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final HttpClient http;
    private final ConcurrentHashMap<Integer, Long> liveSince = new ConcurrentHashMap<>();
    private final Set<Integer> refreshing = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Integer, NodeEntry> known = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final LongSupplier nanoTime;

    /** Asks over https with {@code peerTls} (peers registered on port 443). */
    HttpLiveness(SSLContext peerTls) {
        this(System::nanoTime, peerTls);
    }

    /** With {@code nanoTime} as the monotonic clock (tests) and the JDK trust store. */
    HttpLiveness(LongSupplier nanoTime) {
        this(nanoTime, TlsContexts.client(java.util.List.of()));
    }

    private HttpLiveness(LongSupplier nanoTime, SSLContext peerTls) {
        this.nanoTime = nanoTime;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(peerTls)
                .connectTimeout(TIMEOUT).build();
    }

    @Override
    public boolean isLive(NodeEntry node) {
        known.put(node.index(), node);
        long age = age(node.index());
        refreshOthersInBackground(node.index());
        if (age < REMEMBER.toNanos()) {
            if (age >= REFRESH.toNanos()) {
                refreshInBackground(node);
            }
            return true;
        }
        return ask(node);
    }

    private long age(int index) {
        Long seen = liveSince.get(index);
        return seen == null ? Long.MAX_VALUE : nanoTime.getAsLong() - seen;
    }

    /**
     * Asks, in the background, every other node this liveness was asked about whose answer is older than
     * {@link #REFRESH} (or that did not answer): so that the next request, whichever nodes its ranking needs, finds
     * their answers fresh instead of asking on its path.
     */
    private void refreshOthersInBackground(int asked) {
        for (NodeEntry other : known.values()) {
            if (other.index() != asked && age(other.index()) >= REFRESH.toNanos()) {
                refreshInBackground(other);
            }
        }
    }

    private void refreshInBackground(NodeEntry node) {
        if (!closed && refreshing.add(node.index())) {
            Thread.ofVirtual().start(() -> {
                try {
                    ask(node);
                } finally {
                    refreshing.remove(node.index());
                }
            });
        }
    }

    private boolean ask(NodeEntry node) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/litj/health"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                liveSince.put(node.index(), nanoTime.getAsLong());
                return true;
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            // down: nothing takes the connection
        } catch (HttpTimeoutException e) {
            liveSince.put(node.index(), nanoTime.getAsLong());
            return true; // connected, but slow to answer: busy, not down
        } catch (IOException e) {
            // down: the connection broke
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        liveSince.remove(node.index());
        return false;
    }

    /** True while a background answer is still awaited (tests wait for it to be recorded). */
    boolean refreshing() {
        return !refreshing.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        http.close();
    }
}
