package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request's {@code sessionKey} is {@code lit:session:} + 64 hex digits ({@code NodeBadInput}). litj: the network
 * signs SIWEs for session keys only, never e.g. for a {@code lit:capability:delegation}.
 */
final class SessionKeyFormatCheck implements SessionKeyCheck {
    private static final Pattern SESSION_KEY = Pattern.compile("lit:session:[0-9a-fA-F]{64}");

    @Override
    public void check(SessionKeyState state) {
        String sessionKey = state.request().sessionKey();
        if (!SESSION_KEY.matcher(sessionKey).matches()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "sessionKey must be lit:session:<64 hex> but is '"
                    + Text.cut(sessionKey) + "'");
        }
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeBadInput);
    }
}
