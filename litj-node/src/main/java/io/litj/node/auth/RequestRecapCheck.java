package io.litj.node.auth;

import io.litj.protocol.LitErrorCode;
import java.util.Set;

/**
 * The capabilities the user asks for: the ReCap in the request SIWE's last resource, whose statement the SIWE's
 * statement ends with ({@code NodeSIWECapabilityInvalid}), granting nothing on {@code lit-resolvedauthcontext}
 * ({@code NodeInvalidAuthContextResource}); see {@link SessionSiweBuilder#userCapabilities}. Runs before any Lit
 * Action, so that a malformed request costs no execution. Records the ReCap.
 */
final class RequestRecapCheck implements SessionKeyCheck {
    @Override
    public void check(SessionKeyState state) {
        state.userRecap = SessionSiweBuilder.userCapabilities(state.siwe());
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeSIWECapabilityInvalid, LitErrorCode.NodeInvalidAuthContextResource);
    }
}
