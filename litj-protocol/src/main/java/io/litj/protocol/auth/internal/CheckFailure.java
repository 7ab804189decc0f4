package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionTimeRules;
import java.util.Optional;

/** A check's refusal: the node error code and a message saying subject, expected and actual. */
public record CheckFailure(LitErrorCode code, String message) {
    /** A refusal, wrapped for a check's return value. */
    public static Optional<CheckFailure> fail(LitErrorCode code, String message) {
        return Optional.of(new CheckFailure(code, message));
    }

    /** A broken time rule as a refusal with the same code and message; empty stays empty. */
    public static Optional<CheckFailure> from(Optional<SessionTimeRules.Violation> broken) {
        return broken.map(v -> new CheckFailure(v.code(), v.message()));
    }
}
