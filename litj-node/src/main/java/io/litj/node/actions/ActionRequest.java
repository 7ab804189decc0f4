package io.litj.node.actions;

import io.litj.protocol.Text;
import io.litj.protocol.json.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * One Lit Action to run: its source and what it sees ({@code lit-node-behaviour.md} §13).
 *
 * <p>Immutable; no component is null ({@code jsParams}, {@code authContext} and {@code headers} may be empty).
 * Sizes are checked by {@link ActionRuntime#run}, not here, so an oversized request can still be built and then
 * refused with a coded error.
 *
 * <p>Security: code, params and headers can hold secrets; {@link #toString()} shows sizes only.
 *
 * @param code the JavaScript source, already decoded from base64 (run as a classic script, not a module)
 * @param jsParams the request's {@code jsParams}; each member becomes a global, and the whole object is the
 *     global {@code jsParams}
 * @param authContext the verified auth context, visible deep-frozen as {@code LitAuth} and {@code Lit.Auth}
 * @param headers request headers, visible frozen as {@code LitHeaders} and {@code Lit.Headers}
 * @param caller who asks, as the slot fairness rule counts ({@link ActionLimits#maxConcurrentPerCaller()}): the
 *     identity the request proved (for {@code /web/execute} the address that signed the session's capability, so
 *     every session key of one wallet counts as one caller), or {@link #ANONYMOUS}; not blank
 */
public record ActionRequest(String code, JsonValue.JsonObject jsParams, JsonValue.JsonObject authContext,
        Map<String, String> headers, String caller) {

    /** The caller of requests that proved no identity: together they count as one caller. */
    public static final String ANONYMOUS = "anonymous";

    public ActionRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(jsParams, "jsParams");
        Objects.requireNonNull(authContext, "authContext");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        if (Objects.requireNonNull(caller, "caller").isBlank()) {
            throw new IllegalArgumentException("caller must not be blank");
        }
    }

    /** A request of the {@link #ANONYMOUS} caller. */
    public ActionRequest(String code, JsonValue.JsonObject jsParams, JsonValue.JsonObject authContext,
            Map<String, String> headers) {
        this(code, jsParams, authContext, headers, ANONYMOUS);
    }

    /** This request on behalf of {@code caller}. */
    public ActionRequest withCaller(String caller) {
        return new ActionRequest(code, jsParams, authContext, headers, caller);
    }

    /** An action with no params, an empty auth context and no headers. */
    public static ActionRequest of(String code) {
        return new ActionRequest(code, JsonValue.JsonObject.empty(), JsonValue.JsonObject.empty(), Map.of());
    }

    /** An action with params, an empty auth context and no headers. */
    public static ActionRequest of(String code, JsonValue.JsonObject jsParams) {
        return new ActionRequest(code, jsParams, JsonValue.JsonObject.empty(), Map.of());
    }

    @Override
    public String toString() {
        return "ActionRequest[code=" + code.length() + " chars, jsParams=" + jsParams.members().size()
                + " members, authContext=" + authContext.members().size() + " members, headers="
                + headers.size() + ", caller=" + Text.cut(caller) + "]";
    }
}
