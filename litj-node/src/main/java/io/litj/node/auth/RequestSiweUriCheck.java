package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.siwe.SiweMessage;
import java.util.Set;

/** §3.1 step 4: the request SIWE's URI is the request's {@code sessionKey}, exactly ({@code NodeSIWEMessageError}). */
final class RequestSiweUriCheck implements SessionKeyCheck {
    @Override
    public void check(SessionKeyState state) {
        SiweMessage siwe = state.siwe();
        String sessionKey = state.request().sessionKey();
        if (!siwe.uri().equals(sessionKey)) {
            throw new LitNodeException(LitErrorCode.NodeSIWEMessageError, "siweMessage URI must be the sessionKey "
                    + sessionKey + " but is " + Text.cut(siwe.uri()));
        }
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeSIWEMessageError);
    }
}
