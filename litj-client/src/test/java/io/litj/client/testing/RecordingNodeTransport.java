package io.litj.client.testing;

import io.litj.client.NodeTransport;
import io.litj.client.RawHttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link NodeTransport} that records every call and answers through a function (which may throw). */
public final class RecordingNodeTransport implements NodeTransport {
    /** One recorded call. */
    public record Call(String method, URI url, String body, Map<String, String> headers) {
        public String path() {
            return url.getPath();
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Function<Call, RawHttpResponse> responder;

    public RecordingNodeTransport(Function<Call, RawHttpResponse> responder) {
        this.responder = responder;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsTo(String pathSuffix) {
        return calls.stream().filter(c -> c.url().toString().endsWith(pathSuffix)).toList();
    }

    public void reset() {
        calls.clear();
    }

    @Override
    public CompletableFuture<RawHttpResponse> post(URI url, String jsonBody, Map<String, String> headers,
                                                   Duration timeout) {
        return answer(new Call("POST", url, jsonBody, Map.copyOf(headers)));
    }

    @Override
    public CompletableFuture<RawHttpResponse> get(URI url, Map<String, String> headers, Duration timeout) {
        return answer(new Call("GET", url, "", Map.copyOf(headers)));
    }

    private CompletableFuture<RawHttpResponse> answer(Call call) {
        calls.add(call);
        try {
            return CompletableFuture.completedFuture(responder.apply(call));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
