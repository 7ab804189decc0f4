package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.util.List;
import java.util.Set;

/**
 * §3.1 step 1: the request's {@code siweMessage} (the template the network rewrites and signs) is a strict EIP-4361
 * message ({@code NodeSIWEMessageError}) whose statement does not mention {@code lit-resolvedauthcontext}
 * ({@code NodeInvalidAuthContextResource}: only the nodes may grant it). Records the parsed SIWE.
 */
final class RequestSiweParseCheck implements SessionKeyCheck {
    private static final String RESOLVED_PREFIX = "lit-resolvedauthcontext";

    @Override
    public void check(SessionKeyState state) {
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(state.request().siweMessage());
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), "siweMessage: " + e.getMessage(), List.of(), e);
        }
        if (siwe.statement().filter(s -> s.contains(RESOLVED_PREFIX)).isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthContextResource, "siweMessage statement mentions "
                    + RESOLVED_PREFIX + ": only the nodes may grant it");
        }
        state.siwe = siwe;
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeSIWEMessageError, LitErrorCode.NodeInvalidAuthContextResource);
    }
}
