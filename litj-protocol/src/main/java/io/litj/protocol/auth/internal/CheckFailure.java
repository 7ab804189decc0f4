package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import java.util.Optional;

/** A check's refusal: the node error code and a message saying subject, expected and actual. */
public record CheckFailure(LitErrorCode code, String message) {
    /** A refusal, wrapped for a check's return value. */
    public static Optional<CheckFailure> fail(LitErrorCode code, String message) {
        return Optional.of(new CheckFailure(code, message));
    }

    /** Text cut to 64 characters for messages. */
    public static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
