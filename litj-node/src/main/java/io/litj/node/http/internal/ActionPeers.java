package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionHostException;
import io.litj.node.ecdsa.ActionExchange;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The functions of one Lit Action run that talk to the other nodes running the same request ({@link ActionExchange}):
 * {@code broadcastAndCollect}, and the three steps of {@code runOnce} the prelude calls ({@code runOnceLeader},
 * {@code runOnceShare}, {@code runOnceAwait}). Everything the action controls is bounded before any network work:
 * names of at most {@value #MAX_NAME_CHARS} characters, values of at most {@value #MAX_VALUE_BYTES} UTF-8 bytes, at
 * most {@value #MAX_CALLS} exchanges per run (Datil's limit of 30), a request id present; and no round waits past
 * the action's deadline. Thread-safe.
 */
final class ActionPeers {
    static final Set<String> FUNCTIONS = Set.of("broadcastAndCollect", "runOnceLeader", "runOnceShare",
            "runOnceAwait");
    static final int MAX_NAME_CHARS = 256;
    static final int MAX_VALUE_BYTES = 64 * 1024;
    static final int MAX_CALLS = 30;

    private final ActionExchange exchange;
    private final String requestId;
    private final String cid;
    private final long deadlineNanos;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param timeout the action's time limit, counted from now
     */
    ActionPeers(ActionExchange exchange, String requestId, String cid, Duration timeout) {
        this.exchange = exchange;
        this.requestId = requestId;
        this.cid = cid;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    String call(String function, String argsJson) {
        JsonValue.JsonObject args = PermissionArgs.object(argsJson, function, "LitActions." + function
                + " expects an argument object");
        String name = PermissionArgs.string(args, "name", MAX_NAME_CHARS);
        if (requestId.isEmpty()) {
            throw new ActionHostException("this request has no X-Request-Id, which the nodes need to find each other");
        }
        if (function.equals("runOnceLeader")) {
            return Boolean.toString(exchange.isLeader(requestId, cid));
        }
        String value = function.equals("runOnceAwait") ? "" : PermissionArgs.string(args, "value", MAX_VALUE_BYTES);
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new ActionHostException("value must be at most " + MAX_VALUE_BYTES + " bytes as UTF-8");
        }
        int call = calls.incrementAndGet();
        if (call > MAX_CALLS) {
            throw new ActionHostException("You may not use broadcast and collect functionality more than "
                    + MAX_CALLS + " times per session and you have attempted to exceed that limit.");
        }
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        Duration timeout = left.compareTo(ActionExchange.TIMEOUT) < 0 ? left : ActionExchange.TIMEOUT;
        try {
            if (function.equals("broadcastAndCollect")) {
                List<String> values = exchange.broadcastAndCollect(requestId, cid, call, name, value,
                        MAX_VALUE_BYTES, timeout);
                return JsJson.stringify(new JsonValue.JsonArray(values.stream()
                        .<JsonValue>map(JsonValue.JsonString::new).toList()));
            }
            return JsJson.stringify(new JsonValue.JsonString(exchange.runOnce(requestId, cid, call, name, value,
                    MAX_VALUE_BYTES, timeout)));
        } catch (LitNodeException e) {
            throw new ActionHostException(e.getMessage());
        }
    }
}
