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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks {@code GET <node>/litj/health}. A node counts as down only when no connection can be made to it (refused,
 * or not within {@link #TIMEOUT}); one that takes the connection counts as live even if a busy machine answers late,
 * so that nodes under load do not see each other come and go and pick different signing sets. A live node is
 * remembered for {@link #REMEMBER} without asking again; a down one is asked again next time (so a restarted node
 * is seen at once). Thread-safe.
 */
final class HttpLiveness implements Liveness, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration REMEMBER = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ConcurrentHashMap<Integer, Long> liveSince = new ConcurrentHashMap<>();

    @Override
    public boolean isLive(NodeEntry node) {
        Long seen = liveSince.get(node.index());
        if (seen != null && System.nanoTime() - seen < REMEMBER.toNanos()) {
            return true;
        }
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
