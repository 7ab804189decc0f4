package io.litj.node.ratelimit;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A node's capacity-credit settings, part of its config (optional members {@code capacityMode},
 * {@code capacityWindowSeconds}, {@code capacityCacheMillis}). Immutable.
 *
 * @param mode       off (default), holding or allocation
 * @param window     allocation mode: a credit of {@code r} requests per kilosecond pays for {@code r × window / 1000 s}
 *                   requests in any window of this length (at least one per {@code 1000 s / r}); 1 s .. 30 days,
 *                   default 1000 s (one kilosecond)
 * @param creditCache how long a credit read from the registry is trusted before it is read again (ownership and
 *                   expiry changes show after at most this long; a credit not found is never remembered); 0 .. 60 s,
 *                   default 1 s
 */
public record CapacityLimits(CapacityMode mode, Duration window, Duration creditCache) {
    /** Default window: one kilosecond, so a credit pays exactly its requests per kilosecond. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1000);
    /** Default credit cache: 1 s. */
    public static final Duration DEFAULT_CREDIT_CACHE = Duration.ofSeconds(1);
    /** The config members. */
    public static final Set<String> FIELDS = Set.of("capacityMode", "capacityWindowSeconds", "capacityCacheMillis");
    private static final Duration MAX_WINDOW = Duration.ofDays(30);
    private static final Duration MAX_CACHE = Duration.ofSeconds(60);

    /** @throws LitNodeException {@code InvalidArgument} for a window or cache time out of range */
    public CapacityLimits {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(creditCache, "creditCache");
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw invalid("capacityWindowSeconds must be in [1, " + MAX_WINDOW.toSeconds() + "] but is "
                    + window.toSeconds());
        }
        if (creditCache.isNegative() || creditCache.compareTo(MAX_CACHE) > 0) {
            throw invalid("capacityCacheMillis must be in [0, " + MAX_CACHE.toMillis() + "] but is "
                    + creditCache.toMillis());
        }
    }

    /** Off, with the default window and cache. */
    public static CapacityLimits off() {
        return of(CapacityMode.OFF);
    }

    /** {@code mode} with the default window and cache. */
    public static CapacityLimits of(CapacityMode mode) {
        return new CapacityLimits(mode, DEFAULT_WINDOW, DEFAULT_CREDIT_CACHE);
    }

    /** A copy with another allocation window. */
    public CapacityLimits withWindow(Duration w) {
        return new CapacityLimits(mode, w, creditCache);
    }

    /** A copy with another credit cache time. */
    public CapacityLimits withCreditCache(Duration cache) {
        return new CapacityLimits(mode, window, cache);
    }

    private static LitNodeException invalid(String message) {
        return new LitNodeException(LitErrorCode.InvalidArgument, message);
    }

    /** The capacity members of a node config's JSON; absent members take their defaults. */
    public static CapacityLimits read(JsonFields f) {
        CapacityMode mode = f.has("capacityMode") ? CapacityMode.parse(f.string("capacityMode")) : CapacityMode.OFF;
        Duration window = f.has("capacityWindowSeconds") ? seconds(f.integer("capacityWindowSeconds"))
                : DEFAULT_WINDOW;
        Duration cache = f.has("capacityCacheMillis") ? Duration.ofMillis(f.integer("capacityCacheMillis"))
                : DEFAULT_CREDIT_CACHE;
        return new CapacityLimits(mode, window, cache);
    }

    private static Duration seconds(long s) {
        if (s < 1 || s > MAX_WINDOW.toSeconds()) {
            throw invalid("capacityWindowSeconds must be in [1, " + MAX_WINDOW.toSeconds() + "] but is " + s);
        }
        return Duration.ofSeconds(s);
    }

    /** Adds the capacity members to a node config's JSON. */
    public void write(JsonValue.ObjectBuilder b) {
        b.put("capacityMode", mode.wireName())
                .put("capacityWindowSeconds", new JsonValue.JsonNumber(window.toSeconds()))
                .put("capacityCacheMillis", new JsonValue.JsonNumber(creditCache.toMillis()));
    }
}
