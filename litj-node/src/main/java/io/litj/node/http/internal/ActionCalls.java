package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionException;
import io.litj.node.actions.ActionHostException;
import io.litj.node.actions.ActionResult;
import io.litj.node.actions.IpfsCid;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Lit.Actions.call({ipfsId, params})} of one action: runs the child action stored under {@code ipfsId} (read
 * from the same {@link ActionStore} as {@code executeJs({ipfsId})}, so registry code runs only if it hashes to that
 * CID) with {@code params} as its {@code jsParams}, on this node, while the caller waits. As on Datil:
 * <ul>
 *   <li>the call depth is at most {@value #MAX_DEPTH}; one more is refused with "The recursion limit of a child
 *   action is 5 and you have attempted to exceed that limit.";</li>
 *   <li>the child shares the caller's budgets: its fetches, signatures (which land in the caller's
 *   {@code signedData}), exchanges with the other nodes and chain calls count against the caller's, it runs within
 *   the caller's remaining time, and its console output joins the caller's log (and its budget);</li>
 *   <li>the response is shared too: what the child sets becomes the caller's response, and the call resolves to
 *   that response (a child that sets none, or an empty one, leaves the caller's as it was and resolves to it);</li>
 *   <li>a child that fails rejects the call with its error.</li>
 * </ul>
 * The child sees {@code Lit.Auth.actionIpfsIds} = its own CID and {@code actionIpfsIdStack} = the callers' CIDs
 * then its own. Bounds, all checked before the child's code is looked up: {@code ipfsId} a CID of at most
 * {@value IpfsCid#MAX_CID_CHARS} characters, {@code params} an object (or absent), the depth, time left. Each child
 * takes an execution slot of the caller's while it runs. Thread-safe.
 *
 * <p>The answer to the prelude is {@code {"response": text | null, "logs": text, "error": text | null}}.
 */
final class ActionCalls {
    /** Datil's call depth limit: the top action is depth 0, its children 1, and so on up to this. */
    static final int MAX_DEPTH = 5;

    /** Runs a child: its code, its params, the CID stack it runs under, its time limit. */
    @FunctionalInterface
    interface ChildRunner {
        /**
         * @throws ActionException as the child fails
         */
        ActionResult run(String code, JsonValue.JsonObject params, List<String> stack, Duration timeout);
    }

    private final ActionStore store;
    private final List<String> stack;
    private final long deadlineNanos;
    private final ChildRunner runner;

    /**
     * @param stack the CIDs of the running action's callers, then its own (the top action: its CID alone)
     * @param deadlineNanos when the top action's time is up ({@link System#nanoTime()})
     */
    ActionCalls(ActionStore store, List<String> stack, long deadlineNanos, ChildRunner runner) {
        this.store = Objects.requireNonNull(store, "store");
        this.stack = List.copyOf(stack);
        this.deadlineNanos = deadlineNanos;
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    String call(String argsJson) {
        JsonValue.JsonObject args = PermissionArgs.object(argsJson, "call",
                "LitActions.call expects an object like {ipfsId, params}");
        String cid = PermissionArgs.string(args, "ipfsId", IpfsCid.MAX_CID_CHARS);
        if (IpfsCid.multihashOf(cid).isEmpty()) {
            throw new ActionHostException("ipfsId " + Text.cut(cid) + " is not an IPFS CID");
        }
        JsonValue.JsonObject params = switch (args.get("params").orElse(JsonValue.JsonNull.INSTANCE)) {
            case JsonValue.JsonObject o -> o;
            case JsonValue.JsonNull n -> JsonValue.JsonObject.empty();
            default -> throw new ActionHostException("params must be an object");
        };
        if (stack.size() > MAX_DEPTH) {
            throw new ActionHostException("The recursion limit of a child action is " + MAX_DEPTH
                    + " and you have attempted to exceed that limit.");
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new ActionHostException("the action has no time left to call a child action");
        }
        String code = find(cid).orElseThrow(() -> new ActionHostException(LitErrorCode.NodeIpfsIdNotFound.wireName()
                + ": no Lit Action code is stored under ipfsId " + Text.cut(cid)));
        List<String> childStack = new ArrayList<>(stack);
        childStack.add(cid);
        JsonValue.ObjectBuilder answer = JsonValue.object();
        try {
            ActionResult result = runner.run(code, params, childStack, Duration.ofNanos(left));
            answer.put("response", result.response().isEmpty() ? JsonValue.JsonNull.INSTANCE
                    : new JsonValue.JsonString(result.response()))
                    .put("logs", result.logs())
                    .put("error", JsonValue.JsonNull.INSTANCE);
        } catch (ActionException e) {
            answer.put("response", JsonValue.JsonNull.INSTANCE).put("logs", e.logs())
                    .put("error", e.code().wireName() + ": " + e.getMessage());
        }
        return JsJson.stringify(answer.build());
    }

    private Optional<String> find(String cid) {
        try {
            return store.find(cid);
        } catch (LitNodeException e) {
            throw new ActionHostException(e.code().wireName() + ": " + e.getMessage());
        }
    }
}
