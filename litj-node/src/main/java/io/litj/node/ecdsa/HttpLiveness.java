package io.litj.node.ecdsa;

import io.litj.node.registry.NodeEntry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks {@code GET <node>/litj/health}. A node counts as down only when no connection can be made to it (refused,
 * or not within {@link #TIMEOUT}); one that takes the connection counts as live even if a busy machine answers late,
 * so that nodes under load do not see each other come and go and pick different signing sets. A live node is
 * remembered for {@link #REMEMBER} without asking again; once its answer is older than {@link #REFRESH} it still
 * counts as live and is asked again in the background, so that a node under steady load never waits for a health
 * answer on a request. A down one is asked again next time (so a restarted node is seen at once). Thread-safe.
 */
final class HttpLiveness implements Liveness, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration REMEMBER = Duration.ofSeconds(2);
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ConcurrentHashMap<Integer, Long> liveSince = new ConcurrentHashMap<>();
    private final Set<Integer> refreshing = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isLive(NodeEntry node) {
        Long seen = liveSince.get(node.index());
        long age = seen == null ? Long.MAX_VALUE : System.nanoTime() - seen;
        if (age < REMEMBER.toNanos()) {
            if (age >= REFRESH.toNanos() && refreshing.add(node.index())) {
                Thread.ofVirtual().start(() -> {
                    try {
                        ask(node);
                    } finally {
                        refreshing.remove(node.index());
                    }
                });
            }
            return true;
        }
        return ask(node);
    }

    private boolean ask(NodeEntry node) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/litj/health"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                liveSince.put(node.index(), System.nanoTime());
                return true;
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            // down: nothing takes the connection
        } catch (HttpTimeoutException e) {
            liveSince.put(node.index(), System.nanoTime());
            return true; // connected, but slow to answer: busy, not down
        } catch (IOException e) {
            // down: the connection broke
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        liveSince.remove(node.index());
        return false;
    }

    @Override
    public void close() {
        http.close();
    }
}
