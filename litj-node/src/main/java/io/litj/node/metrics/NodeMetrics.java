package io.litj.node.metrics;

import io.litj.protocol.LitErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one node, in a {@link PrometheusMeterRegistry} of its own (in-process devnet nodes never share one;
 * nothing goes to Micrometer's global registry). Label values come only from code: {@code route} is the name a route
 * was registered with ({@link #UNKNOWN_ROUTE} for every path that matched none, {@link #UNROUTED} for what the server
 * refused before routing), {@code code} a {@link LitErrorCode} wire name or {@link #NO_CODE}, {@code peer} a registry
 * node index; a request can never add a label value. As a second fence, each tag of {@code litj.requests} and
 * {@code litj.refusals} admits at most {@value #MAX_TAG_VALUES} values, later ones are dropped.
 *
 * <p>Meters (Prometheus names): {@code litj_requests_total{route,code}}, {@code litj_refusals_total{route,code}},
 * {@code litj_request_seconds{route}}, {@code litj_session_validation_seconds},
 * {@code litj_action_run_seconds}, {@code litj_pkp_sign_phase_seconds{phase}} ({@link PkpSignPhase}; histograms
 * with the fixed buckets of {@link #BUCKETS}),
 * {@code litj_capacity_refusals_total{route}}, {@code litj_peer_errors_total{peer}} and the gauges a node adds
 * ({@link #gauge}). {@link #off()} records nothing and has nothing to scrape. Thread-safe.
 */
public final class NodeMetrics {
    /** The route label of a request whose path matched no route. */
    public static final String UNKNOWN_ROUTE = "unknown";
    /** The route label of a request the server refused before routing (too large, too many in progress). */
    public static final String UNROUTED = "unrouted";
    /** The code label of a request that succeeded. */
    public static final String NO_CODE = "none";
    /** The Prometheus text format's content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final int MAX_TAG_VALUES = 256;
    /** Histogram bucket bounds shared by every latency meter: 1 ms … 60 s. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    private static final Set<LitErrorCode> CAPACITY_CODES = EnumSet.of(LitErrorCode.RateLimitExceeded,
            LitErrorCode.NodeCapacityDelegationInvalid, LitErrorCode.NodeCapacityDelegationNotOwned,
            LitErrorCode.NodeCapacityDelegateeMismatch, LitErrorCode.NodeCapacityDelegationUsedUp,
            LitErrorCode.NodeCapacityCreditExpired);

    private final PrometheusMeterRegistry registry;
    private final Timer validation;
    private final Timer actionRun;
    private final Map<PkpSignPhase, Timer> pkpSignPhases = new EnumMap<>(PkpSignPhase.class);
    /** The meters of each (route, code) seen, so a request only looks them up (bounded: both labels are fixed sets). */
    private final Map<String, RouteMeters> byRoute = new ConcurrentHashMap<>();

    /** The meters one answered request of a (route, code) moves; refusal meters are null on success. */
    private record RouteMeters(Counter requests, Timer latency, Counter refusals, Counter capacityRefusals) {
    }

    private NodeMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        if (registry == null) {
            this.validation = null;
            this.actionRun = null;
            return;
        }
        for (String name : new String[] {"litj.requests", "litj.refusals", "litj.request"}) {
            registry.config().meterFilter(MeterFilter.maximumAllowableTags(name, "route", MAX_TAG_VALUES,
                    MeterFilter.deny())).meterFilter(MeterFilter.maximumAllowableTags(name, "code", MAX_TAG_VALUES,
                    MeterFilter.deny()));
        }
        this.validation = timer("litj.session.validation", "session-sig validation at the auth gate").register(
                registry);
        this.actionRun = timer("litj.action.run", "top-level Lit Action runs of /web/execute").register(registry);
        for (PkpSignPhase phase : PkpSignPhase.values()) {
            pkpSignPhases.put(phase, timer("litj.pkp.sign.phase", "phases of /web/pkp/sign on this node")
                    .tag("phase", phase.label()).register(registry));
        }
    }

    /** Meters recorded and scraped. */
    public static NodeMetrics on() {
        return new NodeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** No meters: every record call does nothing and {@link #scrape()} is empty. */
    public static NodeMetrics off() {
        return new NodeMetrics(null);
    }

    /** True unless this is {@link #off()}. */
    public boolean enabled() {
        return registry != null;
    }

    private static Timer.Builder timer(String name, String help) {
        return Timer.builder(name).description(help).serviceLevelObjectives(BUCKETS).minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1]);
    }

    /**
     * One answered request on {@code route}: counted by route and code (empty: success), its latency observed;
     * a refusal is also counted in {@code litj_refusals_total}, a capacity-credit refusal in
     * {@code litj_capacity_refusals_total}.
     */
    public void request(String route, Optional<LitErrorCode> code, long nanos) {
        if (registry == null) {
            return;
        }
        String codeLabel = code.map(LitErrorCode::wireName).orElse(NO_CODE);
        RouteMeters m = byRoute.computeIfAbsent(route + ' ' + codeLabel, k -> meters(route, code, codeLabel));
        m.requests().increment();
        m.latency().record(nanos, TimeUnit.NANOSECONDS);
        if (m.refusals() != null) {
            m.refusals().increment();
        }
        if (m.capacityRefusals() != null) {
            m.capacityRefusals().increment();
        }
    }

    private RouteMeters meters(String route, Optional<LitErrorCode> code, String codeLabel) {
        Counter requests = Counter.builder("litj.requests").description("answered requests by route and litj error "
                + "code").tag("route", route).tag("code", codeLabel).register(registry);
        Timer latency = timer("litj.request", "request latency by route").tag("route", route).register(registry);
        Counter refusals = code.isEmpty() ? null : Counter.builder("litj.refusals").description("refused requests "
                + "by route and litj error code").tag("route", route).tag("code", codeLabel).register(registry);
        Counter capacity = code.isEmpty() || !CAPACITY_CODES.contains(code.get()) ? null
                : Counter.builder("litj.capacity.refusals").description("requests refused for capacity credits")
                .tag("route", route).register(registry);
        return new RouteMeters(requests, latency, refusals, capacity);
    }

    /** One session-sig validation that took {@code nanos}. */
    public void validation(long nanos) {
        if (validation != null) {
            validation.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** One top-level Lit Action run that took {@code nanos} (whatever its outcome). */
    public void actionRun(long nanos) {
        if (actionRun != null) {
            actionRun.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** One {@code phase} of a {@code /web/pkp/sign} request that took {@code nanos}. */
    public void pkpSignPhase(PkpSignPhase phase, long nanos) {
        Timer t = pkpSignPhases.get(phase);
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A request to peer node {@code peerIndex} failed (refused, unreachable or timed out). */
    public void peerError(int peerIndex) {
        if (registry != null) {
            Counter.builder("litj.peer.errors").description("failed requests to other nodes, by peer index")
                    .tag("peer", Integer.toString(peerIndex)).register(registry).increment();
        }
    }

    /** A gauge read at scrape time (pool sizes); {@code name} in Micrometer's dotted form. */
    public void gauge(String name, String help, Supplier<Number> value) {
        if (registry != null) {
            Gauge.builder(name, value).description(help).register(registry);
        }
    }

    /** The Prometheus text exposition of every meter ({@link #CONTENT_TYPE}); empty when off. */
    public String scrape() {
        return registry == null ? "" : registry.scrape();
    }
}
