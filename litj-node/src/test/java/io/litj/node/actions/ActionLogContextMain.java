package io.litj.node.actions;

import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * Run in a separate JVM by {@code ActionLogContextTest}, with the JSON log provider selected
 * ({@code -Dslf4j.provider=io.litj.node.log.JsonLogProvider}, whose MDC works, unlike SLF4J simple's): Lit Actions
 * whose host function fails, so that the runtime logs {@code Lit Action host function <name> failed} on the action
 * thread. Each run names another function and comes from a caller thread with its own MDC ({@link #RUNS}): two in
 * turn, one with no MDC after them, then four at once. Prints {@code <function>: <the action's response>} per run.
 */
public final class ActionLogContextMain {
    static final Duration HANG_GUARD = Duration.ofSeconds(120);
    /** Function → the caller's MDC; an empty map: the caller has none. */
    static final Map<String, Map<String, String>> RUNS = Map.of(
            "getRpcUrl", Map.of("requestId", "lit_first", "node", "0"),
            "getLatestNonce", Map.of("requestId", "lit_second", "node", "2"),
            "isPermittedAction", Map.of(),
            "getPermittedActions", Map.of("requestId", "lit_a", "node", "1"),
            "getPermittedAddresses", Map.of("requestId", "lit_b", "node", "1"),
            "getPermittedAuthMethods", Map.of("requestId", "lit_c", "node", "3"),
            "getPermittedAuthMethodScopes", Map.of("requestId", "lit_d", "node", "3"));
    private static final List<String> IN_TURN = List.of("getRpcUrl", "getLatestNonce", "isPermittedAction");
    private static final String ACTION = "(async () => { try { await Lit.Actions[fn]({}); } catch (e) {"
            + " LitActions.setResponse({response: e.message}); } })();";
    private static final ActionHost BROKEN = (name, args) -> {
        throw new IllegalStateException(name + " is broken in this test");
    };

    private ActionLogContextMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ActionRuntime runtime = new ActionRuntime(ActionLimits.defaults())) {
            for (String fn : IN_TURN) {
                System.out.println(fn + ": " + run(runtime, fn));
            }
            List<String> together = RUNS.keySet().stream().filter(f -> !IN_TURN.contains(f)).sorted().toList();
            try (ExecutorService callers = Executors.newFixedThreadPool(together.size())) {
                List<Future<String>> answers = new ArrayList<>();
                for (String fn : together) {
                    answers.add(callers.submit(() -> run(runtime, fn)));
                }
                for (int i = 0; i < together.size(); i++) {
                    System.out.println(together.get(i) + ": " + answers.get(i).get());
                }
            }
        }
    }

    /** Runs the action calling {@code fn} with the caller MDC of {@link #RUNS}, as its own caller (slot share). */
    private static String run(ActionRuntime runtime, String fn) {
        Map<String, String> context = RUNS.get(fn);
        if (context.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
        try {
            JsonValue.JsonObject params = JsonValue.object().put("fn", fn).build();
            return runtime.run(ActionRequest.of(ACTION, params).withCaller(fn), BROKEN).response();
        } finally {
            MDC.clear();
        }
    }
}
