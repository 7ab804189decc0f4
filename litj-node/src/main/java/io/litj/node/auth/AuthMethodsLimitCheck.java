package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * litj (issue 8, bounded work): a request carries at most {@value #MAX_AUTH_METHODS} {@code authMethods}, none twice
 * (the same {@code authMethodType} and {@code accessToken} text as an earlier one); else {@code NodeBadInput}. It
 * runs before any auth method is verified, so a request costs at most {@value #MAX_AUTH_METHODS} signature
 * recoveries.
 */
final class AuthMethodsLimitCheck implements SessionKeyCheck {
    /** The most auth methods one request may carry. */
    static final int MAX_AUTH_METHODS = 4;

    @Override
    public void check(SessionKeyState state) {
        List<SessionKeyRequest.AuthMethod> methods = state.request().authMethods();
        if (methods.size() > MAX_AUTH_METHODS) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "authMethods has " + methods.size()
                    + " entries (limit " + MAX_AUTH_METHODS + ")");
        }
        Map<SessionKeyRequest.AuthMethod, Integer> seen = new HashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            Integer earlier = seen.putIfAbsent(methods.get(i), i);
            if (earlier != null) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "authMethods[" + i + "] repeats authMethods["
                        + earlier + "] (same authMethodType and accessToken)");
            }
        }
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeBadInput);
    }
}
