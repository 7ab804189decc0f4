package io.litj.node.fetch;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a Lit Action's {@code fetch} may do on one node: the one home of every fetch limit and of the egress allow
 * list. Part of the node config (optional members {@code maxFetchesPerAction}, {@code fetchTimeoutMs},
 * {@code maxFetchResponseBytes}, {@code maxFetchRedirects}, {@code fetchAllow}). Immutable.
 *
 * <p>Security: by default an action can reach public addresses only; {@code allow} opens loopback, private,
 * link-local, metadata and other special-purpose addresses entry by entry ({@code 127.0.0.1:8080}, {@code [::1]:80},
 * {@code 10.0.0.0/8}, {@code name:port}). Each request also ends by the action's own deadline.
 *
 * @param maxRequests      fetches one action run may start (Datil: 50); one more rejects; 1..1000
 * @param requestTimeout   how long one fetch may take, resolution, connection, every redirect hop and the body
 *                         together (the action's remaining time cuts it shorter); 10 ms..5 min, default 10 s
 * @param maxResponseBytes body bytes one fetch may read (after any gzip decoding); a longer body is cut there and
 *                         the fetch rejects; 1 B..64 MiB, default 1 MiB
 * @param maxRedirects     redirect hops one fetch follows, each checked by the egress policy; 0..20, default 5
 * @param allow            egress allow entries, at most {@value #MAX_ALLOW} (default none)
 */
public record FetchLimits(int maxRequests, Duration requestTimeout, int maxResponseBytes, int maxRedirects,
        List<String> allow) {
    /** The config members. */
    public static final Set<String> FIELDS = Set.of("maxFetchesPerAction", "fetchTimeoutMs", "maxFetchResponseBytes",
            "maxFetchRedirects", "fetchAllow");
    static final int MAX_ALLOW = 256;
    private static final int MAX_REQUESTS = 1000;
    private static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 20;
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** @throws LitNodeException {@code InvalidArgument} for a value out of range or an allow entry that does not parse */
    public FetchLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        allow = List.copyOf(Objects.requireNonNull(allow, "allow"));
        range("maxFetchesPerAction", maxRequests, 1, MAX_REQUESTS);
        range("maxFetchResponseBytes", maxResponseBytes, 1, MAX_BYTES);
        range("maxFetchRedirects", maxRedirects, 0, MAX_REDIRECTS);
        if (requestTimeout.compareTo(MIN_TIMEOUT) < 0 || requestTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid("fetchTimeoutMs must be in [10, " + MAX_TIMEOUT.toMillis() + "] but is "
                    + requestTimeout.toMillis());
        }
        if (allow.size() > MAX_ALLOW) {
            throw invalid("fetchAllow lists " + allow.size() + " entries (limit " + MAX_ALLOW + ")");
        }
        rules(allow);
    }

    /** The defaults: 50 fetches, 10 s each, 1 MiB bodies, 5 redirects, no egress allowance. */
    public static FetchLimits defaults() {
        return new FetchLimits(50, Duration.ofSeconds(10), 1024 * 1024, 5, List.of());
    }

    /** A copy allowing also {@code entry} ({@code host:port}, {@code [ipv6]:port} or a CIDR block). */
    public FetchLimits withAllowed(String entry) {
        List<String> more = new ArrayList<>(allow);
        more.add(entry);
        return new FetchLimits(maxRequests, requestTimeout, maxResponseBytes, maxRedirects, more);
    }

    public FetchLimits withMaxRequests(int value) {
        return new FetchLimits(value, requestTimeout, maxResponseBytes, maxRedirects, allow);
    }

    public FetchLimits withRequestTimeout(Duration value) {
        return new FetchLimits(maxRequests, value, maxResponseBytes, maxRedirects, allow);
    }

    public FetchLimits withMaxResponseBytes(int value) {
        return new FetchLimits(maxRequests, requestTimeout, value, maxRedirects, allow);
    }

    public FetchLimits withMaxRedirects(int value) {
        return new FetchLimits(maxRequests, requestTimeout, maxResponseBytes, value, allow);
    }

    /** The parsed allow entries. */
    List<EgressRule> rules() {
        return rules(allow);
    }

    private static List<EgressRule> rules(List<String> allow) {
        List<EgressRule> rules = new ArrayList<>();
        for (String entry : allow) {
            try {
                rules.add(EgressRule.parse(entry));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        return rules;
    }

    /** The fetch members of a node config's JSON; absent members take their defaults. */
    public static FetchLimits read(JsonFields f) {
        FetchLimits d = defaults();
        List<String> allow = new ArrayList<>();
        if (f.has("fetchAllow")) {
            List<JsonValue> items = f.array("fetchAllow");
            if (items.size() > MAX_ALLOW) {
                throw invalid("fetchAllow lists " + items.size() + " entries (limit " + MAX_ALLOW + ")");
            }
            for (JsonValue item : items) {
                if (!(item instanceof JsonValue.JsonString s)) {
                    throw invalid("fetchAllow entries must be strings");
                }
                allow.add(s.value());
            }
        }
        return new FetchLimits(
                f.has("maxFetchesPerAction") ? intOf(f, "maxFetchesPerAction") : d.maxRequests(),
                f.has("fetchTimeoutMs") ? Duration.ofMillis(f.integer("fetchTimeoutMs")) : d.requestTimeout(),
                f.has("maxFetchResponseBytes") ? intOf(f, "maxFetchResponseBytes") : d.maxResponseBytes(),
                f.has("maxFetchRedirects") ? intOf(f, "maxFetchRedirects") : d.maxRedirects(), allow);
    }

    /** Adds the fetch members to a node config's JSON. */
    public void write(JsonValue.ObjectBuilder b) {
        b.put("maxFetchesPerAction", new JsonValue.JsonNumber(maxRequests))
                .put("fetchTimeoutMs", new JsonValue.JsonNumber(requestTimeout.toMillis()))
                .put("maxFetchResponseBytes", new JsonValue.JsonNumber(maxResponseBytes))
                .put("maxFetchRedirects", new JsonValue.JsonNumber(maxRedirects))
                .put("fetchAllow", new JsonValue.JsonArray(allow.stream().<JsonValue>map(JsonValue.JsonString::new)
                        .toList()));
    }

    private static int intOf(JsonFields f, String name) {
        long v = f.integer(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid(name + " is out of range: " + v);
        }
        return (int) v;
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(name + " must be in [" + min + ", " + max + "] but is " + value);
        }
    }

    private static LitNodeException invalid(String message) {
        return new LitNodeException(LitErrorCode.InvalidArgument, message);
    }
}
