package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A refused session sig: the node error code, the name of the check that refused it, a message (subject,
 * expected, actual; no secrets), and when no capability authorized the request, one entry per capability tried.
 */
public record AuthDenied(LitErrorCode code, String check, String message, List<CapabilityFailure> capabilityFailures)
        implements ValidationResult {
    public AuthDenied {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
        capabilityFailures = List.copyOf(capabilityFailures);
    }

    /** The lines for an error body's {@code details}: the check, then one per capability. */
    public List<String> details() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(check + ": " + message);
        capabilityFailures.forEach(f -> out.add(f.toDetail()));
        return List.copyOf(out);
    }
}
