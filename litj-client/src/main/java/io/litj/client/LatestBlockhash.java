package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest block hash (the SIWE nonce of session grants), as the JS SDK keeps it (§7): taken from the handshake,
 * refreshed from the block-hash service ({@code {"blockhash":"0x…","timestamp":…}}) once older than
 * {@link LitClient#BLOCKHASH_MAX_AGE}; a failed refresh keeps the old hash and logs a warning. One refresh at a
 * time; thread-safe.
 */
final class LatestBlockhash {
    private static final Logger LOG = LoggerFactory.getLogger(LatestBlockhash.class);

    private record Entry(String hash, Instant fetchedAt) {
    }

    private final NodeTransport transport;
    private final Optional<URI> url;
    private final Duration timeout;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Entry entry;

    LatestBlockhash(NodeTransport transport, Optional<URI> url, Duration timeout, Clock clock) {
        this.transport = transport;
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Takes {@code hash} as fresh (from a handshake). */
    void set(String hash) {
        entry = new Entry(hash, clock.instant());
    }

    /** The hash, refreshed first if it is stale and a service is configured. */
    String get() {
        Entry current = entry;
        if (url.isEmpty() || !stale(current)) {
            return current.hash();
        }
        lock.lock();
        try {
            current = entry;
            if (stale(current)) {
                try {
                    current = new Entry(fetch(url.get()), clock.instant());
                    entry = current;
                } catch (LitClientException e) {
                    LOG.warn("could not refresh the latest block hash from {}; keeping the one from {}: {}",
                            url.get(), current.fetchedAt(), e.getMessage());
                }
            }
            return current.hash();
        } finally {
            lock.unlock();
        }
    }

    private boolean stale(Entry e) {
        return Duration.between(e.fetchedAt(), clock.instant()).compareTo(LitClient.BLOCKHASH_MAX_AGE) > 0;
    }

    private String fetch(URI url) {
        RawHttpResponse response;
        try {
            response = transport.get(url, Map.of("Accept", "application/json"), timeout)
                    .get(timeout.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitClientException(LitErrorCode.NetworkError, "interrupted");
        } catch (Exception e) {
            throw new LitClientException(LitErrorCode.NetworkError,
                    NodeCalls.fromThrowable(url.toString(), e, timeout).describe());
        }
        if (!response.successful()) {
            throw new LitClientException(LitErrorCode.NetworkError, "HTTP " + response.status());
        }
        try {
            JsonValue.JsonObject o = JsonReader.parseObject(response.body(), LitErrorCode.InvalidEthBlockhash,
                    "block hash answer");
            if (o.get("blockhash").orElse(null) instanceof JsonValue.JsonString s
                    && Connector.BLOCKHASH.matcher(s.value()).matches()) {
                return s.value();
            }
            throw new LitClientException(LitErrorCode.InvalidEthBlockhash,
                    "answer has no blockhash of 0x and hex digits");
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
    }
}
