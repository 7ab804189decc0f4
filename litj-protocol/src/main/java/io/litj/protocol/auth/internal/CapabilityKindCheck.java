package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSigType;
import java.util.Optional;

/**
 * §2.3: wallet (EIP-191), network ({@code lit.bls}) and, a litj extension, contract-wallet (EIP-1271) AuthSigs may be
 * capabilities; nested session sigs are not supported. Code: {@code NodeSIWEMessageError}.
 */
public final class CapabilityKindCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        AuthSigType type = capability.capability().type();
        if (type == AuthSigType.SESSION_SIG) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, type + " AuthSigs are not supported as "
                    + "capabilities (derivedVia " + Text.cut(capability.capability().derivedVia()) + ")");
        }
        return Optional.empty();
    }
}
