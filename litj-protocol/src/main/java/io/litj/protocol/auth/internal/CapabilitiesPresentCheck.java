package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import java.util.Optional;

/** §2.2 step 6: the payload carries at least one capability. Code: {@code NodeSIWECapabilityInvalid}. */
public final class CapabilitiesPresentCheck implements SessionCheck {
    @Override
    public Optional<CheckFailure> check(SessionState state) {
        if (state.payload().capabilities().isEmpty()) {
            return CheckFailure.fail(LitErrorCode.NodeSIWECapabilityInvalid, "the session payload has no capabilities");
        }
        return Optional.empty();
    }
}
