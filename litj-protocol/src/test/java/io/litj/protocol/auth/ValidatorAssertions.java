package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.TestSessions;
import java.time.Clock;

/** Shared validator set-up and assertions for the validator tests. */
final class ValidatorAssertions {
    static final LitResource ACTION = LitResource.action(TestSessions.ACTION_CID);

    private ValidatorAssertions() {
    }

    static SessionSigValidator validator() {
        return validator(TestSessions.CLOCK);
    }

    static SessionSigValidator validator(Clock clock) {
        return SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(clock).build();
    }

    static ValidationResult validateAction(SessionSigValidator v, AuthSig sig) {
        return v.validate(sig, ACTION, LitAbility.LIT_ACTION_EXECUTION);
    }

    /** Asserts an outer-check denial with this code by this check. */
    static AuthDenied assertDenied(ValidationResult result, LitErrorCode code, String check) {
        AuthDenied denied = assertInstanceOf(AuthDenied.class, result, () -> "expected a denial, got " + result);
        assertEquals(code, denied.code(), () -> "denial: " + denied);
        assertEquals(check, denied.check(), () -> "denial: " + denied);
        return denied;
    }

    /** Asserts that no capability authorized and that the last capability failed with this code in this check. */
    static AuthDenied assertCapabilityDenied(ValidationResult result, LitErrorCode code, String check) {
        AuthDenied denied = assertDenied(result, LitErrorCode.NodeResourceIdNotFound, "CapabilityChecks");
        CapabilityFailure last = denied.capabilityFailures().get(denied.capabilityFailures().size() - 1);
        assertEquals(code, last.code(), () -> "capability failure: " + last);
        assertEquals(check, last.check(), () -> "capability failure: " + last);
        return denied;
    }
}
