package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.Optional;

/** §2.3: the capability's {@code signedMessage} is a valid EIP-4361 message. Code: {@code NodeSIWECapabilityInvalid}. */
public final class SiweParseCheck implements CapabilityCheck {
    private final CapabilityParseCache parses;

    public SiweParseCheck(CapabilityParseCache parses) {
        this.parses = parses;
    }

    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        try {
            capability.siwe = parses.siwe(capability.capability().signedMessage());
            return Optional.empty();
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeSIWECapabilityInvalid, e.getMessage());
        }
    }
}
