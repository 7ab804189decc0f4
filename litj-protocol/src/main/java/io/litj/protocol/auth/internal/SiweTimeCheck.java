package io.litj.protocol.auth.internal;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import java.time.Instant;
import java.util.Optional;

/**
 * §2.3 (siwe-rs {@code verify} at {@code now}): {@code Not Before < now} when present and {@code now <= Expiration
 * Time}, with no grace, as Lit nodes do ({@code NodeSIWEMessageError}). litj also requires {@code Expiration Time}
 * ({@code NodeUndefinedSiweExpiration}): without it a delegation would never end.
 */
public final class SiweTimeCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        Instant now = session.now();
        Optional<Instant> expiration = capability.siwe().expirationInstant();
        if (expiration.isEmpty()) {
            return CheckFailure.fail(LitErrorCode.NodeUndefinedSiweExpiration,
                    "SIWE has no Expiration Time; a capability must expire");
        }
        Optional<Instant> notBefore = capability.siwe().notBeforeInstant();
        if (notBefore.isPresent() && !notBefore.get().isBefore(now)) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, "SIWE Not Before "
                    + capability.siwe().notBefore().orElseThrow() + " is not before now " + IsoTime.format(now));
        }
        if (now.isAfter(expiration.get())) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, "SIWE expired at "
                    + capability.siwe().expirationTime().orElseThrow() + ", now is " + IsoTime.format(now));
        }
        capability.expiration = expiration.get();
        return Optional.empty();
    }
}
