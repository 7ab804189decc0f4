package io.litj.protocol.auth.internal;

import java.util.Optional;

/** One check on one capability AuthSig of a session payload ({@code lit-node-behaviour.md} §2.3). */
public interface CapabilityCheck {
    /** Runs the check; may record what it learned in {@code capability} for later checks. */
    Optional<CheckFailure> check(CapabilityState capability, SessionState session);

    /** The check's name, as it appears in denials. */
    default String name() {
        return getClass().getSimpleName();
    }
}
