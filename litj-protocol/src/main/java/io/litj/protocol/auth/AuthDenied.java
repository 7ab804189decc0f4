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

    /**
     * The lines for an error body's {@code details}: {@code <check>: <message>}, then one per capability
     * ({@link CapabilityFailure#toDetail()}).
     */
    public List<String> details() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(check + ": " + message);
        capabilityFailures.forEach(f -> out.add(f.toDetail()));
        return List.copyOf(out);
    }

    /** The check named by the first line of {@link #details()}-style lines, if it is there. */
    public static java.util.Optional<String> checkOf(List<String> details) {
        if (details.isEmpty()) {
            return java.util.Optional.empty();
        }
        String first = details.get(0);
        int colon = first.indexOf(": ");
        String name = colon < 0 ? "" : first.substring(0, colon);
        return name.matches("[A-Z][A-Za-z0-9]{0,63}") ? java.util.Optional.of(name) : java.util.Optional.empty();
    }
}
