package io.litj.node.peer.internal;

import io.helidon.webserver.http.HttpRouting;
import io.litj.node.HttpLimits;
import io.litj.node.LitNodeException;
import io.litj.node.http.internal.Endpoint;
import io.litj.node.http.internal.HttpBridge;
import io.litj.node.http.internal.NodeResponse;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.node.revoke.RevocationBook;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SignedRevocation;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations shared among nodes over the authenticated peer API ({@code POST /litj/peer/v1/revocation}, signed
 * {@link Envelope}s; {@code docs/revocation.md}):
 * <ul>
 *   <li>{@code revoke.push} — body: a {@link SignedRevocation}. A node that accepted a new revocation pushes it to
 *       every other node before it answers its caller, each delivery retried for at most {@link #PUSH_DEADLINE}.
 *       The receiver verifies it as if a client had sent it and keeps it; it does not push it on.</li>
 *   <li>{@code revoke.pull} — body {@code {"after":<id>,"limit":<1..32>}}; answer
 *       {@code {"revocations":[…],"next":<id>}}. A starting node pulls every page from every other node before it
 *       serves, so one that was down when a grant was revoked refuses it as soon as it is back.</li>
 * </ul>
 * Every revocation proves itself, so a peer can withhold one but never forge one. Bounds: pages of at most
 * {@value #PAGE} revocations and {@value #MAX_ANSWER_CHARS} characters, at most
 * {@code RevocationBook.MAX_TOTAL / PAGE + 1} pages per peer, and {@link #PULL_DEADLINE} for the whole pull.
 */
public final class RevocationPeers {
    static final String PATH = "/litj/peer/v1/revocation";
    static final String PUSH = "revoke.push";
    static final String PULL = "revoke.pull";
    static final String SESSION = "revocations";
    static final int PAGE = 32;
    static final int MAX_ANSWER_CHARS = PAGE * (SignedRevocation.MAX_GRANT_CHARS * 2 + 2048);
    static final Duration PUSH_DEADLINE = Duration.ofSeconds(2);
    static final Duration PULL_DEADLINE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(RevocationPeers.class);

    private final NodeEntry self;
    private final Registry registry;
    private final PeerClient client;
    private final EnvelopeVerifier verifier;
    private final ExecutorService executor;
    private final RevocationBook book;
    private final Clock clock;

    RevocationPeers(NodeEntry self, Registry registry, PeerClient client, EnvelopeVerifier verifier,
            ExecutorService executor, RevocationBook book, Clock clock) {
        this.self = self;
        this.registry = registry;
        this.client = client;
        this.verifier = verifier;
        this.executor = executor;
        this.book = book;
        this.clock = clock;
    }

    /** Adds the peer route. */
    public void register(HttpRouting.Builder routing, HttpBridge http) {
        routing.post(PATH, http.json("peer-revocation", HttpLimits.PEER_BODY_BYTES, endpoint()));
    }

    private Endpoint endpoint() {
        return req -> {
            EnvelopeVerifier.Verified v = verifier.verify(req.body());
            try {
                JsonValue.JsonObject body = JsonReader.parseObject(v.envelope().body(), LitErrorCode.NodeBadInput,
                        "revocation message");
                return switch (v.envelope().kind()) {
                    case PUSH -> {
                        boolean isNew = book.add(SignedRevocation.fromJson(body), clock.instant()).isNew();
                        yield NodeResponse.ok(JsonValue.object().put("new", new JsonValue.JsonBoolean(isNew)).build());
                    }
                    case PULL -> NodeResponse.ok(page(body));
                    default -> throw new LitNodeException(LitErrorCode.NodeBadInput, "unknown revocation message kind "
                            + v.envelope().kind());
                };
            } catch (LitProtocolException e) {
                throw new LitNodeException(e.code(), e.getMessage());
            }
        };
    }

    private JsonValue.JsonObject page(JsonValue.JsonObject body) {
        JsonFields f = new JsonFields(body, LitErrorCode.NodeBadInput, "revocation pull").onlyKnown(
                Set.of("after", "limit"));
        long after = f.integer("after");
        long limit = f.integer("limit");
        if (after < 0 || limit < 1 || limit > PAGE) {
            throw f.fail("after must be >= 0 and limit in 1.." + PAGE);
        }
        List<JsonValue> out = new ArrayList<>();
        long next = after;
        for (RevocationBook.Entry e : book.page(after, (int) limit)) {
            out.add(e.proof().toJson());
            next = e.id();
        }
        return JsonValue.object().put("revocations", new JsonValue.JsonArray(out))
                .put("next", new JsonValue.JsonNumber(next)).build();
    }

    /** Sends {@code revocation} to every other node and waits until each took it or its deadline passed. */
    public void push(SignedRevocation revocation) {
        String body = JsJson.stringify(revocation.toJson());
        long deadline = System.nanoTime() + PUSH_DEADLINE.toNanos();
        awaitAll(others().stream().map(n -> executor.submit(() -> client.deliver(n, PATH, SESSION, PUSH, body,
                deadline))).toList(), PUSH_DEADLINE.plusSeconds(1));
    }

    /** Pulls every revocation of every other node that answers (before this node serves); returns how many were new. */
    public int pullFromPeers() {
        List<Future<Integer>> pulls = others().stream().map(n -> executor.submit(() -> pullFrom(n))).toList();
        awaitAll(pulls, PULL_DEADLINE);
        int added = 0;
        for (Future<Integer> f : pulls) {
            added += f.isDone() && !f.isCancelled() ? f.resultNow() : 0;
        }
        return added;
    }

    private int pullFrom(NodeEntry peer) {
        long after = 0;
        int added = 0;
        for (int page = 0; page <= RevocationBook.MAX_TOTAL / PAGE; page++) {
            String request = JsJson.stringify(JsonValue.object().put("after", new JsonValue.JsonNumber(after))
                    .put("limit", new JsonValue.JsonNumber(PAGE)).build());
            var answer = client.ask(peer, PATH, SESSION, PULL, request, MAX_ANSWER_CHARS);
            if (answer.isEmpty()) {
                return added;
            }
            List<JsonValue> items;
            long next;
            try {
                JsonFields f = new JsonFields(JsonReader.parseObject(answer.get(), LitErrorCode.NodeBadInput,
                        "pull answer"), LitErrorCode.NodeBadInput, "pull answer");
                items = f.array("revocations");
                next = f.integer("next");
            } catch (LitProtocolException e) {
                LOG.warn("node {} answered a revocation pull with something else: {}", peer.index(), e.getMessage());
                return added;
            }
            for (JsonValue item : items.subList(0, Math.min(items.size(), PAGE))) {
                added += addPulled(peer, item) ? 1 : 0;
            }
            if (items.size() < PAGE || next <= after) {
                return added;
            }
            after = next;
        }
        return added;
    }

    private boolean addPulled(NodeEntry peer, JsonValue item) {
        try {
            if (!(item instanceof JsonValue.JsonObject o)) {
                return false;
            }
            return book.add(SignedRevocation.fromJson(o), clock.instant()).isNew();
        } catch (LitProtocolException | LitNodeException e) {
            LOG.debug("a revocation pulled from node {} is not kept: {}", peer.index(), e.getMessage());
            return false;
        }
    }

    private List<NodeEntry> others() {
        return registry.nodes().stream().filter(n -> n.index() != self.index()).toList();
    }

    private static <T> void awaitAll(List<Future<T>> futures, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Future<T> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                f.cancel(true);
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("revocation exchange failed: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
