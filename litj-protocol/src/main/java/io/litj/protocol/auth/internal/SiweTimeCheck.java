package io.litj.protocol.auth.internal;

import io.litj.protocol.auth.SessionTimeRules;
import java.util.Optional;

/**
 * §2.3 (siwe-rs {@code verify} at {@code now}): the capability SIWE obeys {@link SessionTimeRules#checkCapability},
 * with no grace as Lit nodes do: {@code Not Before < now <= Expiration Time} ({@code NodeSIWEMessageError}), and
 * (litj) {@code Expiration Time} present ({@code NodeUndefinedSiweExpiration}).
 */
public final class SiweTimeCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        Optional<CheckFailure> broken =
                CheckFailure.from(SessionTimeRules.checkCapability("SIWE", capability.siwe(), session.now()));
        if (broken.isPresent()) {
            return broken;
        }
        capability.expiration = capability.siwe().expirationInstant().orElseThrow();
        return Optional.empty();
    }
}
