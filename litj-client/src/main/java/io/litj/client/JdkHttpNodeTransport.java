package io.litj.client;

import io.litj.protocol.LitProtocolException;
import io.litj.protocol.tls.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;

/**
 * A {@link NodeTransport} over the JDK {@link HttpClient}: HTTP/1.1, virtual threads, a connect timeout, no
 * redirects (a node that redirects is answered as it is), answers larger than {@value #MAX_BODY_BYTES} bytes
 * refused.
 *
 * <p>Thread-safe; share one per client. {@link #close()} stops the HTTP client and its threads.
 */
public final class JdkHttpNodeTransport implements NodeTransport, AutoCloseable {
    /** The largest response body accepted (16 MiB). */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final ExecutorService executor;
    private final HttpClient client;

    private JdkHttpNodeTransport(Duration connectTimeout, SSLContext tls) {
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * A transport whose TCP/TLS connection attempts give up after {@code connectTimeout}, trusting the JDK trust
     * store for https.
     */
    public static JdkHttpNodeTransport create(Duration connectTimeout) {
        return create(connectTimeout, List.of());
    }

    /**
     * As {@link #create(Duration)}, also trusting the CA certificates {@code trusted} for https (a private CA); never
     * trusts any certificate without a check.
     */
    public static JdkHttpNodeTransport create(Duration connectTimeout, List<X509Certificate> trusted) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        SSLContext tls;
        try {
            tls = TlsContexts.client(trusted);
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        }
        return new JdkHttpNodeTransport(connectTimeout, tls);
    }

    @Override
    public CompletableFuture<RawHttpResponse> post(URI url, String jsonBody, Map<String, String> headers,
                                                   Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        return send(b, headers);
    }

    @Override
    public CompletableFuture<RawHttpResponse> get(URI url, Map<String, String> headers, Duration timeout) {
        return send(HttpRequest.newBuilder(url).timeout(timeout).GET(), headers);
    }

    private CompletableFuture<RawHttpResponse> send(HttpRequest.Builder b, Map<String, String> headers) {
        headers.forEach(b::header);
        return client.sendAsync(b.build(), info -> new LimitedBody(MAX_BODY_BYTES))
                .thenApply(r -> new RawHttpResponse(r.statusCode(),
                        r.headers().firstValue("content-type").orElse(""), r.body()));
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "JdkHttpNodeTransport[HTTP/1.1]";
    }

    /** Collects a body as UTF-8 text, failing once it grows past a limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("response body exceeds " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
