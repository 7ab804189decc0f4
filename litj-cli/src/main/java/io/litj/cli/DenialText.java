package io.litj.cli;

import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.CapabilityFailure;
import io.litj.protocol.auth.SessionSigValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * How the CLI explains a refused session, the same for {@code litj session inspect} (a local judgement) and
 * {@code litj exec} (the nodes' error bodies): the check that refused it, then per capability which checks it passed
 * and which one failed, with the code and why.
 */
final class DenialText {
    /** The per-capability checks in the order litj runs them (a failure at one means the earlier ones passed). */
    static final List<String> CAPABILITY_CHECKS = SessionSigValidator.builder("127.0.0.1:1").build()
            .capabilityCheckNames();
    /** The session-level checks, in order. */
    static final List<String> SESSION_CHECKS = SessionSigValidator.builder("127.0.0.1:1").build().sessionCheckNames();

    private DenialText() {
    }

    /** The lines of a local denial. */
    static List<String> of(AuthDenied d) {
        List<CapabilityFailure.Detail> reasons = d.capabilityFailures().stream()
                .map(f -> new CapabilityFailure.Detail(f.index(), f.check(), f.code().wireName(), f.message()))
                .toList();
        return lines(d.check(), reasons);
    }

    /**
     * {@code refused by <check>[ after passing …]} (session-level checks: which passed before it), then one line per
     * capability: {@code capabilities[i] passed A, B; failed C <code>: <message>}.
     */
    static List<String> lines(String check, List<CapabilityFailure.Detail> reasons) {
        List<String> out = new ArrayList<>();
        int at = SESSION_CHECKS.indexOf(check);
        out.add("refused by " + check + (at > 0 ? " (after passing " + String.join(", ", SESSION_CHECKS.subList(0, at))
                + ")" : at == 0 ? " (the first check)" : reasons.isEmpty() ? ""
                : " (every session check passed; no capability authorizes the request)"));
        for (CapabilityFailure.Detail r : reasons) {
            int passed = CAPABILITY_CHECKS.indexOf(r.check());
            out.add("capabilities[" + r.index() + "] " + (passed > 0 ? "passed "
                    + String.join(", ", CAPABILITY_CHECKS.subList(0, passed)) + "; " : "") + "failed " + r.check()
                    + " " + r.errorCode() + ": " + r.message());
        }
        return out;
    }

    /** The line of an allowed request's capability. */
    static String allowed(int index) {
        return "capabilities[" + index + "] passed every check (" + String.join(", ", CAPABILITY_CHECKS) + ")";
    }
}
