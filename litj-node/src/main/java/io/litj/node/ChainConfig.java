package io.litj.node;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chains a node evaluates access-control conditions against: chain name (as conditions name it, e.g.
 * {@code ethereum}) to the JSON-RPC URL the node calls, how long one call may take, and how many calls one request
 * may cause. Part of {@link NodeConfig} (optional members {@code chains}, {@code rpcTimeoutMs},
 * {@code maxRpcCallsPerRequest}). A condition on a chain that is not listed is refused, never evaluated. Immutable.
 *
 * @param chains             chain name to {@code http}/{@code https} JSON-RPC URL, at most {@value #MAX_CHAINS}
 * @param rpcTimeout         how long one JSON-RPC call may take (connect and answer), 10 ms..60 s
 * @param maxCallsPerRequest JSON-RPC calls one request may cause, 1..{@value #MAX_CALLS}
 */
public record ChainConfig(Map<String, URI> chains, Duration rpcTimeout, int maxCallsPerRequest) {
    /** Default time one JSON-RPC call may take: 5 s. */
    public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(5);
    /** Default calls per request: 30, one per condition of a full set. */
    public static final int DEFAULT_MAX_CALLS = 30;
    static final int MAX_CHAINS = 256;
    static final int MAX_CALLS = 1_000;
    static final Set<String> FIELDS = Set.of("chains", "rpcTimeoutMs", "maxRpcCallsPerRequest");
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    /** @throws LitNodeException {@code InvalidArgument} for a bad URL, name or a value out of range */
    public ChainConfig {
        Objects.requireNonNull(rpcTimeout, "rpcTimeout");
        chains = Map.copyOf(new TreeMap<>(Objects.requireNonNull(chains, "chains")));
        if (chains.size() > MAX_CHAINS) {
            throw invalid("chains lists " + chains.size() + " chains (limit " + MAX_CHAINS + ")");
        }
        chains.forEach(ChainConfig::checkChain);
        if (rpcTimeout.compareTo(MIN_TIMEOUT) < 0 || rpcTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid("rpcTimeoutMs must be in [10, 60000] but is " + rpcTimeout.toMillis());
        }
        if (maxCallsPerRequest < 1 || maxCallsPerRequest > MAX_CALLS) {
            throw invalid("maxRpcCallsPerRequest must be in [1, " + MAX_CALLS + "] but is " + maxCallsPerRequest);
        }
    }

    /** No chains (every chain-reading condition is refused), default timeout and call limit. */
    public static ChainConfig none() {
        return new ChainConfig(Map.of(), DEFAULT_RPC_TIMEOUT, DEFAULT_MAX_CALLS);
    }

    /** These chains with the default timeout and call limit. */
    public static ChainConfig of(Map<String, URI> chains) {
        return new ChainConfig(chains, DEFAULT_RPC_TIMEOUT, DEFAULT_MAX_CALLS);
    }

    /** A copy with another per-call timeout. */
    public ChainConfig withRpcTimeout(Duration timeout) {
        return new ChainConfig(chains, timeout, maxCallsPerRequest);
    }

    /** A copy with another limit of calls per request. */
    public ChainConfig withMaxCallsPerRequest(int max) {
        return new ChainConfig(chains, rpcTimeout, max);
    }

    private static void checkChain(String name, URI url) {
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw invalid("chain name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
        }
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw invalid("chain " + name + " needs an http(s) JSON-RPC URL but has " + url);
        }
    }

    private static LitNodeException invalid(String message) {
        return new LitNodeException(LitErrorCode.InvalidArgument, message);
    }

    /** The chain members of a node config's JSON; absent members take their defaults. */
    static ChainConfig read(JsonFields f) {
        Map<String, URI> chains = new TreeMap<>();
        if (f.has("chains")) {
            JsonValue.JsonObject object = f.object("chains");
            if (object.members().size() > MAX_CHAINS) {
                throw invalid("chains lists " + object.members().size() + " chains (limit " + MAX_CHAINS + ")");
            }
            for (Map.Entry<String, JsonValue> e : object.members().entrySet()) {
                if (!(e.getValue() instanceof JsonValue.JsonString url)) {
                    throw invalid("chains." + e.getKey() + " must be a URL string");
                }
                try {
                    chains.put(e.getKey(), new URI(url.value()));
                } catch (java.net.URISyntaxException ex) {
                    throw invalid("chains." + e.getKey() + " is not a URL: " + ex.getMessage());
                }
            }
        }
        Duration timeout = f.has("rpcTimeoutMs") ? Duration.ofMillis(f.integer("rpcTimeoutMs")) : DEFAULT_RPC_TIMEOUT;
        long calls = f.has("maxRpcCallsPerRequest") ? f.integer("maxRpcCallsPerRequest") : DEFAULT_MAX_CALLS;
        if (calls < 1 || calls > MAX_CALLS) {
            throw invalid("maxRpcCallsPerRequest must be in [1, " + MAX_CALLS + "] but is " + calls);
        }
        return new ChainConfig(chains, timeout, (int) calls);
    }

    /** Adds the chain members to a node config's JSON. */
    void write(JsonValue.ObjectBuilder b) {
        JsonValue.ObjectBuilder c = JsonValue.object();
        new TreeMap<>(chains).forEach((name, url) -> c.put(name, url.toString()));
        b.put("chains", c.build())
                .put("rpcTimeoutMs", new JsonValue.JsonNumber(rpcTimeout.toMillis()))
                .put("maxRpcCallsPerRequest", new JsonValue.JsonNumber(maxCallsPerRequest));
    }
}
