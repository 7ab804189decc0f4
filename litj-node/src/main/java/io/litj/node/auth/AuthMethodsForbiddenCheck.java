package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * §1.1: the {@code /v1} signing endpoints take a session sig only; {@code authMethods} must be absent, {@code null}
 * or empty. Code: {@code NodeCannotProvideAuthMethodForEndpoint}.
 */
final class AuthMethodsForbiddenCheck implements PkpSignCheck {
    @Override
    public void check(PkpSignState state) {
        if (given(state.request().authMethods())) {
            throw new LitNodeException(LitErrorCode.NodeCannotProvideAuthMethodForEndpoint,
                    "authMethods are not accepted by this endpoint; sign the request with a session sig");
        }
    }

    /** True if {@code authMethods} holds anything but {@code null} or {@code []}. */
    static boolean given(Optional<JsonValue> authMethods) {
        return authMethods.isPresent() && !(authMethods.get() instanceof JsonValue.JsonNull)
                && !(authMethods.get() instanceof JsonValue.JsonArray a && a.items().isEmpty());
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeCannotProvideAuthMethodForEndpoint);
    }
}
