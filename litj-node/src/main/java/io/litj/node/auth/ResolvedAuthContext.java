package io.litj.node.auth;

import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code sign_session_key} request proved, before the network signs it into the session SIWE
 * ({@code lit-node-behaviour.md} §3.1 steps 2 and 5, §13): the verified auth methods, the Lit Actions that
 * authorized the request, and the last action's response ({@code customAuthResource}).
 *
 * <p>Immutable. Two JSON forms:
 * <ul>
 *   <li>{@link #toJson()}: the {@code auth_context} the nodes put under {@code lit-resolvedauthcontext://*}, with
 *   the key set of Datil nodes (vector V3): {@code actionIpfsIds, authMethodContexts, authSigAddress (null),
 *   customAuthResource, resources ([])};</li>
 *   <li>{@link #forAction(String)}: what a running Lit Action sees as {@code Lit.Auth}, which also carries
 *   {@code actionIpfsIdStack}.</li>
 * </ul>
 *
 * @param actionIpfsIds CIDs of the Lit Actions that authorized the request, in order
 * @param authMethodContexts the verified auth methods, in request order
 * @param customAuthResource the authorizing action's response, {@code ""} without an action
 */
public record ResolvedAuthContext(List<String> actionIpfsIds, List<AuthMethodContext> authMethodContexts,
                                  String customAuthResource) {
    public ResolvedAuthContext {
        actionIpfsIds = List.copyOf(actionIpfsIds);
        authMethodContexts = List.copyOf(authMethodContexts);
        Objects.requireNonNull(customAuthResource, "customAuthResource");
    }

    /** The context of verified auth methods alone: no action, empty custom resource. */
    public static ResolvedAuthContext of(List<AuthMethodContext> authMethodContexts) {
        return new ResolvedAuthContext(List.of(), authMethodContexts, "");
    }

    /** This context after the action {@code cid} authorized the request with {@code response}. */
    public ResolvedAuthContext withLitAction(String cid, String response) {
        List<String> ids = new ArrayList<>(actionIpfsIds);
        ids.add(Objects.requireNonNull(cid, "cid"));
        return new ResolvedAuthContext(ids, authMethodContexts, response);
    }

    /** The {@code auth_context} object the node signs into the session SIWE. */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object()
                .put("actionIpfsIds", strings(actionIpfsIds))
                .put("authMethodContexts", contexts())
                .put("authSigAddress", JsonValue.JsonNull.INSTANCE)
                .put("customAuthResource", customAuthResource)
                .put("resources", new JsonValue.JsonArray(List.of()))
                .build();
    }

    /** {@code Lit.Auth} of the action {@code runningCid} while it decides on this request (§13). */
    public JsonValue.JsonObject forAction(String runningCid) {
        List<String> stack = new ArrayList<>(actionIpfsIds);
        stack.add(runningCid);
        return JsonValue.object()
                .put("actionIpfsIds", strings(List.of(runningCid)))
                .put("actionIpfsIdStack", strings(stack))
                .put("authSigAddress", JsonValue.JsonNull.INSTANCE)
                .put("authMethodContexts", contexts())
                .put("resources", new JsonValue.JsonArray(List.of()))
                .put("customAuthResource", customAuthResource)
                .build();
    }

    private JsonValue contexts() {
        List<JsonValue> out = new ArrayList<>();
        authMethodContexts.forEach(c -> out.add(c.toJson()));
        return new JsonValue.JsonArray(out);
    }

    private static JsonValue strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        values.forEach(v -> out.add(new JsonValue.JsonString(v)));
        return new JsonValue.JsonArray(out);
    }

    @Override
    public String toString() {
        return "ResolvedAuthContext[actions=" + actionIpfsIds + " methods=" + authMethodContexts.size()
                + " customAuthResource=" + customAuthResource.length() + " chars]";
    }
}
