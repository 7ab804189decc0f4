package io.litj.protocol.auth.internal;

import io.litj.protocol.LitBugException;
import io.litj.protocol.auth.SessionTimeRules;
import java.time.Instant;
import java.util.Optional;

/**
 * litj (issue 8; Lit nodes check only {@code Not Before} and {@code Expiration Time} of a capability): a capability
 * SIWE obeys the same signed-window rules as the session payload, {@link SessionTimeRules#checkWindow}. Its
 * {@code Issued At} lies at most 60 s after now ({@code NodeIatOutsideGracePeriod}), its {@code Expiration Time}
 * is not before its {@code Issued At} ({@code NodeExpWrongOrTooLarge}) and at most 30 days after it
 * ({@code NodeSIWEMessageError}). Runs after {@code SiweTimeCheck}, which requires the expiration and that it has
 * not passed.
 */
public final class SiweWindowCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        Instant issuedAt = capability.siwe().issuedAtInstant();
        Instant expiration = capability.siwe().expirationInstant().orElseThrow(() -> new LitBugException(
                "SiweWindowCheck must run after SiweTimeCheck, which requires an Expiration Time"));
        return SessionTimeRules.checkWindow("capability SIWE", issuedAt, expiration, session.now())
                .map(v -> new CheckFailure(v.code(), v.message()));
    }
}
