package io.litj.cli;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.time.Instant;

/** Reads an option that holds an ISO-8601 instant; a malformed one is a usage error (exit 2) showing an example. */
final class IsoOption {
    private IsoOption() {
    }

    static Instant parse(String option, String text) {
        try {
            return IsoTime.parse(text, LitErrorCode.InvalidArgument, option);
        } catch (LitProtocolException e) {
            throw CliException.usage(e.getMessage() + "; write an ISO time such as 2030-01-01T00:00:00Z");
        }
    }
}
