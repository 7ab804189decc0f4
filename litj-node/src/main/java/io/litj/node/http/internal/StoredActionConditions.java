package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.acc.ConditionActions;
import io.litj.node.acc.EvaluationContext;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionRuntime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code LitAction} access-control conditions run from this node's {@link ActionStore} (the code of every action
 * run by code on this node, as {@code executeJs} with an {@code ipfsId} finds it; this node has no IPFS gateway). The
 * stored code runs once with the call {@code method(...parameters)} appended, with no node functions (so a
 * condition cannot run further conditions: depth 1), at most {@link #TIMEOUT} and within the runtime's slots (the
 * caller counts as {@code condition:<address>}). Its result, a string as it is and anything else as JSON, is what
 * the condition compares. Code the node does not hold is refused ({@code NodeInvalidIPFSID}), never granted.
 * Thread-safe.
 */
public final class StoredActionConditions implements ConditionActions {
    /** Longest a condition's action may run. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_PARAMETERS = 16;
    static final int MAX_PARAMETER_CHARS = 1024;
    private static final Pattern METHOD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");

    private final ActionStore store;
    private final ActionRuntime runtime;

    public StoredActionConditions(ActionStore store, ActionRuntime runtime) {
        this.store = Objects.requireNonNull(store, "store");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public String call(String cid, String method, List<String> parameters, EvaluationContext context) {
        if (!METHOD.matcher(method).matches()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "a LitAction condition's method must be a "
                    + "JavaScript function name but is '" + Text.cut(method) + "'");
        }
        if (parameters.size() > MAX_PARAMETERS
                || parameters.stream().anyMatch(p -> p.length() > MAX_PARAMETER_CHARS)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "a LitAction condition takes at most "
                    + MAX_PARAMETERS + " parameters of at most " + MAX_PARAMETER_CHARS + " characters");
        }
        String code = store.find(cid).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeInvalidIPFSID,
                "this node holds no code for the LitAction condition's ipfs://" + Text.cut(cid)
                        + " (no IPFS gateway: run the action once by code first)"));
        String call = "\n;(async () => {\n  const r = await " + method + "(..." + JsJson.stringify(args(parameters))
                + ");\n  Lit.Actions.setResponse({response: typeof r === 'string' ? r : JSON.stringify(r)});\n})();\n";
        try {
            return runtime.run(new ActionRequest(code + call, JsonValue.JsonObject.empty(), authContext(cid, context),
                    Map.of(), "condition:" + context.userAddress().toChecksumString()), null, TIMEOUT).response();
        } catch (LitNodeException e) {
            throw new LitNodeException(LitErrorCode.NodeAccessControlConditionsCheckFailed, "the LitAction condition "
                    + "ipfs://" + Text.cut(cid) + " failed: " + e.code().wireName() + ": " + Text.cut(e.getMessage()));
        }
    }

    private static JsonValue.JsonArray args(List<String> parameters) {
        return new JsonValue.JsonArray(parameters.stream().map(p -> (JsonValue) new JsonValue.JsonString(p)).toList());
    }

    private static JsonValue.JsonObject authContext(String cid, EvaluationContext context) {
        JsonValue cids = new JsonValue.JsonArray(List.of(new JsonValue.JsonString(cid)));
        return JsonValue.object().put("actionIpfsIds", cids).put("actionIpfsIdStack", cids)
                .put("authSigAddress", context.userAddress().toChecksumString()).build();
    }
}
