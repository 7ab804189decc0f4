package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionException;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionResult;
import io.litj.node.actions.ActionRuntime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * §3.1 step 5: custom authorization by a Lit Action ({@code lit-node-behaviour.md} §3.4, §13), when the request
 * carries one: the action runs with the request's {@code jsParams} as globals and the auth context so far as
 * {@code Lit.Auth}, and decides by the response it sets with {@code LitActions.setResponse}. Without an action the
 * check passes and the context stays as the auth methods left it.
 *
 * <p>The rule (litj, stricter than the reference, §10 item 13): the request is authorized only if the response,
 * with surrounding whitespace removed, is exactly {@code true} or the JSON string {@code "true"} (what
 * {@code setResponse({response: JSON.stringify("true")})} gives). Datil accepts any response <em>containing</em>
 * {@code true}, so {@code "untrue"} or {@code {"ok":false,"trueName":1}} pass there; here they are
 * {@code NodeLitActionsSessionSigAuthenticationFailed}. The JS SDK's examples and Lit's own tests answer
 * {@code "true"}, which both rules accept.
 *
 * <p>On success the action's CID (CIDv0 of the code, computed by {@code ActionSourceCheck}) joins
 * {@code actionIpfsIds} and the whole response, as set, becomes {@code customAuthResource}. A failing action (JS
 * error, timeout, limits) ends the request with the runtime's code and logs ({@link ActionException}). It runs last,
 * after {@code PkpPermissionCheck} has found that the PKP permits an auth method or this CID, so an action the PKP
 * does not permit costs no execution. Thread-safe.
 */
final class LitActionCheck implements SessionKeyCheck {
    private final Runner runner;

    LitActionCheck(Runner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Runs one Lit Action: {@link ActionRuntime#run} on a node. */
    @FunctionalInterface
    interface Runner {
        /** @throws ActionException if the action fails to run */
        ActionResult run(ActionRequest request);
    }

    @Override
    public void check(SessionKeyState state) {
        SessionKeyRequest request = state.request();
        if (request.litActionCode().isPresent()) {
            state.context = authorize(request.litActionCode().get(), state.actionCid().orElseThrow(),
                    request.jsParams(), state.context(), request.headers());
        }
    }

    /**
     * {@code NodeLitActionsSessionSigAuthenticationFailed}, then the codes of a failing action (see
     * {@link ActionException}).
     */
    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed, LitErrorCode.NodeJsExecutionError,
                LitErrorCode.NodeJsTimeoutError, LitErrorCode.NodeJsMemoryLimitError, LitErrorCode.NodeBadInput,
                LitErrorCode.NodeConcurrencyOverload, LitErrorCode.NodeSystemFault);
    }

    /**
     * Runs {@code code} to decide on the request.
     *
     * @return {@code context} with the action added
     * @throws LitNodeException {@code NodeLitActionsSessionSigAuthenticationFailed} if the action does not answer
     *     {@code true}
     * @throws ActionException if the action fails to run
     */
    private ResolvedAuthContext authorize(String code, String cid, JsonValue.JsonObject jsParams,
                                          ResolvedAuthContext context, Map<String, String> headers) {
        ActionResult result = runner.run(new ActionRequest(code, jsParams, context.forAction(cid), headers,
                caller(context)));
        if (!isTrue(result.response())) {
            throw new LitNodeException(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed, "Lit Action " + cid
                    + " did not authorize the session: its response must be \"true\" but is "
                    + describe(result.response()));
        }
        return context.withLitAction(cid, result.response());
    }

    /**
     * Who runs the action, for the slot fairness rule: the identity of the first verified auth method (for
     * EthWallet the wallet address, as {@code /web/execute} counts it), or the anonymous caller when none was given.
     */
    static String caller(ResolvedAuthContext context) {
        return context.authMethodContexts().isEmpty() ? ActionRequest.ANONYMOUS
                : context.authMethodContexts().getFirst().userId();
    }

    /** The authorization rule: {@code true} or {@code "true"}, surrounding whitespace ignored. */
    static boolean isTrue(String response) {
        String r = response.strip();
        return r.equals("true") || r.equals("\"true\"");
    }

    private static String describe(String response) {
        if (response.isEmpty()) {
            return "empty (setResponse was not called)";
        }
        // the response may carry data the action meant for its caller only: show its size, not its text
        return "another value of " + response.length() + " characters";
    }
}
