package io.litj.node.fetch;

import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionHostException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code fetch} of one action run: counts its requests against {@link FetchLimits#maxRequests()}, ends each by
 * its own time limit or the run's deadline, follows redirects hop by hop (each hop resolved and checked by the
 * {@link EgressPolicy} again), and answers the prelude with {@code {status, statusText, url, redirected, headers,
 * text | latin1}}: the body as text when it is valid UTF-8, else as one character per byte. Thread-safe.
 */
final class FetchRun implements ActionHost {
    private final ActionFetcher fetcher;
    private final Instant runDeadline;
    private final AtomicInteger started = new AtomicInteger();

    FetchRun(ActionFetcher fetcher, Instant runDeadline) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.runDeadline = Objects.requireNonNull(runDeadline, "runDeadline");
    }

    @Override
    public String call(String function, String argsJson) {
        if (!function.equals("fetch")) {
            throw new ActionHostException("unknown function");
        }
        FetchLimits limits = fetcher.limits();
        FetchRequest request = FetchArgs.parse(argsJson);
        if (started.incrementAndGet() > limits.maxRequests()) {
            throw new ActionHostException("fetch refused: this action already made " + limits.maxRequests()
                    + " fetches, the most this node allows per action");
        }
        Deadline deadline = Deadline.of(fetcher.clock(), limits.requestTimeout().toMillis(), runDeadline);
        boolean redirected = false;
        for (int hop = 0; ; hop++) {
            String where = request.url().toString();
            InetAddress address = fetcher.policy().choose(where, hostOf(request.url()), port(request.url()),
                    fetcher.resolve(request.url().getHost(), deadline, where));
            Http1Exchange.Response response = Http1Exchange.send(address, request, deadline,
                    limits.maxResponseBytes(), fetcher.tls());
            String location = response.headers().stream().filter(h -> h.getKey().equals("location"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (!isRedirect(response.status()) || location == null
                    || request.redirect() == FetchRequest.Redirect.MANUAL) {
                return answer(response, where, redirected);
            }
            if (request.redirect() == FetchRequest.Redirect.ERROR) {
                throw new ActionHostException("fetch failed: " + where + " redirects, and redirect is 'error'");
            }
            if (hop == limits.maxRedirects()) {
                throw new ActionHostException("fetch failed: " + where + " redirects more than "
                        + limits.maxRedirects() + " times, the most this node follows");
            }
            URI next = next(request.url(), location);
            int status = response.status();
            boolean asGet = (status == 303 && !request.method().equals("HEAD"))
                    || ((status == 301 || status == 302) && request.method().equals("POST"));
            boolean crossOrigin = !origin(next).equals(origin(request.url()));
            request = request.redirectedTo(next, asGet, crossOrigin);
            redirected = true;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI next(URI from, String location) {
        try {
            return FetchArgs.url(from.resolve(new URI(location)).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ActionHostException("fetch failed: " + from + " redirects to an invalid URL");
        }
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + ":" + port(url);
    }

    static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    }

    private static String hostOf(URI url) {
        return url.getHost();
    }

    private static String answer(Http1Exchange.Response response, String url, boolean redirected) {
        JsonValue.ObjectBuilder b = JsonValue.object()
                .put("status", new JsonValue.JsonNumber(response.status()))
                .put("statusText", response.reason())
                .put("url", url)
                .put("redirected", new JsonValue.JsonBoolean(redirected))
                .put("headers", new JsonValue.JsonArray(response.headers().stream().<JsonValue>map(h ->
                        new JsonValue.JsonArray(List.of(new JsonValue.JsonString(h.getKey()),
                                new JsonValue.JsonString(h.getValue())))).toList()));
        try {
            b.put("text", StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(response.body()))
                    .toString());
        } catch (CharacterCodingException e) {
            b.put("latin1", new String(response.body(), StandardCharsets.ISO_8859_1));
        }
        return JsJson.stringify(b.build());
    }
}
