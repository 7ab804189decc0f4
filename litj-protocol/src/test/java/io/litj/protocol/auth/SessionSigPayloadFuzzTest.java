package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.Fuzz;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz of the session-sig wire parsers and of the validator behind them (issue 8): mutated payloads and AuthSigs
 * parse or are refused with the caller's code; a mutated payload signed by the session key (so that it passes the
 * Ed25519 check and reaches every later check) is authorized or denied, never thrown.
 */
class SessionSigPayloadFuzzTest {
    private static final long SEED = 2025_0101_07L;
    private static final String PAYLOAD = TestSessions.payload(List.of(
            TestCapabilities.network(TestCapabilities.popJson(1)), TestSessions.walletGrant())).toJsonString();
    private static final List<String> AUTH_SIGS = List.of(TestSessions.walletGrant().toJsonString(),
            TestCapabilities.network(TestCapabilities.popJson(2)).toJsonString(),
            TestSessions.validSessionSig().toJsonString());

    @Test
    void parse_mutatedPayload_payloadOrSignedMessageConversionErrorOnly() {
        System.out.println("SessionSigPayloadFuzzTest seed " + SEED + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(List.of(PAYLOAD))).checkAssert(in ->
                Fuzz.parseOrRefuse(in.text(), LitErrorCode.NodeAuthSigSignedMessageConversionError,
                        SessionSigPayload::parse));
    }

    @Test
    void parse_mutatedAuthSig_authSigOrTheCallersCodeOnly() {
        System.out.println("SessionSigPayloadFuzzTest seed " + (SEED + 1) + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED + 1).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(AUTH_SIGS)).checkAssert(in ->
                Fuzz.parseOrRefuse(in.text(), LitErrorCode.NodeBadInput, t -> AuthSig.parse(t, LitErrorCode.NodeBadInput)));
    }

    @Test
    void validate_mutatedPayloadSignedByTheSessionKey_authorizedOrDeniedNeverThrown() {
        int examples = Math.max(1000, Fuzz.EXAMPLES / 10);
        System.out.println("SessionSigPayloadFuzzTest seed " + (SEED + 2) + ", " + examples + " examples");
        SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK).build();
        qt().withFixedSeed(SEED + 2).withExamples(examples).forAll(Fuzz.inputs(List.of(PAYLOAD))).checkAssert(in -> {
            String text = in.text();
            AuthSig signed = TestSessions.signRaw(TestSessions.SESSION_KEY, text);
            ValidationResult result = Fuzz.parseOrRefuse(text, LitErrorCode.NodeSystemFault, t -> validator.validate(
                    signed, LitResource.action(TestSessions.ACTION_CID), LitAbility.LIT_ACTION_EXECUTION))
                    .orElseThrow(() -> new AssertionError("the validator threw for " + Fuzz.show(text)));
            assertInstanceOf(ValidationResult.class, result);
        });
    }
}
