package io.litj.protocol.auth.internal;

import java.util.Optional;

/** One check on the outer session sig ({@code lit-node-behaviour.md} §2.2). */
public interface SessionCheck {
    /** Runs the check; may record what it learned in {@code state} for later checks. */
    Optional<CheckFailure> check(SessionState state);

    /** The check's name, as it appears in denials. */
    default String name() {
        return getClass().getSimpleName();
    }
}
