package io.litj.node.http.internal;

import io.litj.node.registry.Registry;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's health, without auth and cheap (no peer calls, no signature work): ready once it holds its share of the
 * network key and can read its registry. {@link #readiness()} ({@code GET /health}) answers 200
 * {@code {"status":"ready",…}} or 503 {@code {"status":"not_ready","reasons":[…]}}; {@link #liveness()}
 * ({@code GET /litj/health}, which the devnet's status command polls) answers 200 {@code {"status":"ok",…}} while the
 * node serves at all, with the same {@code ready} and {@code reasons} members. Reasons are fixed texts: a registry
 * failure's own message goes to the log only (it may name a chain URL).
 */
public final class HealthEndpoint {
    /** The reason given while the node holds no share of the network key. */
    public static final String NO_NETWORK_KEY = "network key missing: this node holds no share yet (DKG not run)";
    /** The reason given when the registry cannot be read. */
    public static final String REGISTRY_UNREACHABLE = "registry unreachable: the node list cannot be read";
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final String nodeAddress;
    private final Registry registry;
    private final BooleanSupplier hasNetworkKey;
    private final Supplier<String> capacityMode;

    public HealthEndpoint(String nodeAddress, Registry registry, BooleanSupplier hasNetworkKey,
            Supplier<String> capacityMode) {
        this.nodeAddress = nodeAddress;
        this.registry = registry;
        this.hasNetworkKey = hasNetworkKey;
        this.capacityMode = capacityMode;
    }

    /** {@code GET /health}: 200 when ready, 503 with the reasons otherwise. */
    public Endpoint readiness() {
        return req -> {
            List<String> reasons = reasons();
            return new NodeResponse(reasons.isEmpty() ? 200 : 503, body(reasons.isEmpty() ? "ready" : "not_ready",
                    reasons));
        };
    }

    /** {@code GET /litj/health}: 200 while the node serves, readiness in {@code ready} and {@code reasons}. */
    public Endpoint liveness() {
        return req -> NodeResponse.ok(body("ok", reasons()));
    }

    private List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (!hasNetworkKey.getAsBoolean()) {
            reasons.add(NO_NETWORK_KEY);
        }
        try {
            if (registry.nodes().isEmpty()) {
                reasons.add(REGISTRY_UNREACHABLE);
            }
        } catch (RuntimeException e) {
            LOG.warn("health: registry {} cannot be read: {}", registry, e.toString());
            reasons.add(REGISTRY_UNREACHABLE);
        }
        return reasons;
    }

    private JsonValue body(String status, List<String> reasons) {
        List<JsonValue> items = new ArrayList<>();
        reasons.forEach(r -> items.add(new JsonValue.JsonString(r)));
        return JsonValue.object().put("status", status).put("ready", new JsonValue.JsonBoolean(reasons.isEmpty()))
                .put("reasons", new JsonValue.JsonArray(items)).put("node", nodeAddress)
                .put("capacityMode", capacityMode.get()).build();
    }
}
