package io.litj.node.ecdsa;

import io.litj.node.registry.NodeEntry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks {@code GET <node>/litj/health} (at most {@link #TIMEOUT}); a node that answered 200 counts as live for
 * {@link #REMEMBER} without asking again. A node that did not answer is asked again next time (never remembered as
 * down, so a restarted node is seen at once). Thread-safe.
 */
final class HttpLiveness implements Liveness, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofMillis(500);
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
        } catch (IOException e) {
            // down
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
