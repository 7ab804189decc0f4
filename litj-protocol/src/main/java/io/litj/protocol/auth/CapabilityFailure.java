package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import java.util.Objects;

/** Why one capability of a session sig did not authorize the request: its index, the check and the reason. */
public record CapabilityFailure(int index, String check, LitErrorCode code, String message) {
    public CapabilityFailure {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** One line for an error body's {@code details}. */
    public String toDetail() {
        return "capabilities[" + index + "] " + check + " " + code.wireName() + ": " + message;
    }
}
