package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Why one capability of a session sig did not authorize the request: its index, the check and the reason. */
public record CapabilityFailure(int index, String check, LitErrorCode code, String message) {
    /** {@code capabilities[<index>] <Check> <errorCode>: <message>}, as {@link #toDetail()} writes it. */
    private static final Pattern DETAIL =
            Pattern.compile("capabilities\\[(\\d{1,3})] ([A-Za-z][A-Za-z0-9]{0,63}) ([A-Za-z_][A-Za-z0-9_]{0,63}): (.*)",
                    Pattern.DOTALL);

    public CapabilityFailure {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** One line for an error body's {@code details}. */
    public String toDetail() {
        return "capabilities[" + index + "] " + check + " " + code.wireName() + ": " + message;
    }

    /**
     * A {@link #toDetail()} line read back from a node's error body, the code as the node wrote it.
     *
     * @param index the capability's index in the session sig
     * @param check the name of the check that failed
     * @param errorCode the node's code for it
     * @param message why
     */
    public record Detail(int index, String check, String errorCode, String message) {
        public Detail {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The parts of a {@code details} line in the {@link #toDetail()} form; empty for any other line. */
    public static Optional<Detail> parseDetail(String line) {
        Matcher m = DETAIL.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Detail(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4)));
    }
}
