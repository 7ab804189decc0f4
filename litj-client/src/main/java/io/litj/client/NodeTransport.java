package io.litj.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How the client talks HTTP to nodes, the chain RPC and the block-hash service. {@link JdkHttpNodeTransport} is the
 * shipped implementation; tests plug in recording fakes.
 *
 * <p>Contract: never block the caller; complete the future with any HTTP answer (also non-2xx), or exceptionally
 * when no answer came within {@code timeout} (a {@link java.net.http.HttpTimeoutException}) or the connection
 * failed. Implementations must be thread-safe and must not log bodies (they carry session sigs).
 */
public interface NodeTransport {
    /** {@code POST url} with a JSON body and the given headers. */
    CompletableFuture<RawHttpResponse> post(URI url, String jsonBody, Map<String, String> headers, Duration timeout);

    /** {@code GET url} with the given headers. */
    CompletableFuture<RawHttpResponse> get(URI url, Map<String, String> headers, Duration timeout);
}
