package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.assertDenied;
import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static io.litj.protocol.auth.ValidatorAssertions.validator;
import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One breaking case per outer check (lit-node-behaviour.md §2.2), each expecting its exact code and check name. */
class SessionChecksTest {

    private static AuthSig withPayload(SessionSigPayload p) {
        return TestSessions.sign(p);
    }

    private static SessionSigPayload payload() {
        return TestSessions.payload(List.of(TestSessions.walletGrant()));
    }

    private static SessionSigPayload times(String issuedAt, String expiration) {
        SessionSigPayload p = payload();
        return new SessionSigPayload(p.sessionKey(), p.resourceAbilityRequests(), p.capabilities(), issuedAt, expiration,
                p.nodeAddress());
    }

    private static SessionSigPayload node(String nodeAddress) {
        SessionSigPayload p = payload();
        return new SessionSigPayload(p.sessionKey(), p.resourceAbilityRequests(), p.capabilities(), p.issuedAt(),
                p.expiration(), nodeAddress);
    }

    @Test
    void validate_validSessionSig_authorizesTheProvenWallet() {
        AuthContext ctx = assertInstanceOf(AuthContext.class, validateAction(validator(), TestSessions.validSessionSig()));
        assertEquals(TestSessions.WALLET.address(), ctx.caller());
        assertEquals(0, ctx.capabilityIndex());
        assertEquals(TestSessions.SESSION_KEY.publicKeyHex(), ctx.sessionKey());
    }

    @Test
    void kind_walletAuthSigInsteadOfSessionSig_deniesWithNodeInvalidAuthSig() {
        assertDenied(validateAction(validator(), TestSessions.walletGrant()), LitErrorCode.NodeInvalidAuthSig,
                "SessionSigKindCheck");
    }

    @Test
    void kind_sessionSigWithoutAlgo_deniesWithNodeInvalidAuthSig() {
        AuthSig s = TestSessions.validSessionSig();
        AuthSig noAlgo = AuthSig.of(s.sig(), s.derivedVia(), s.signedMessage(), s.address(), Optional.empty());
        assertDenied(validateAction(validator(), noAlgo), LitErrorCode.NodeInvalidAuthSig, "SessionSigKindCheck");
    }

    @Test
    void signature_addressNot32Bytes_deniesWithAddressConversionError() {
        AuthSig s = TestSessions.validSessionSig();
        AuthSig bad = AuthSig.of(s.sig(), s.derivedVia(), s.signedMessage(), s.address().substring(2), s.algo());
        AuthDenied d = assertDenied(validateAction(validator(), bad), LitErrorCode.NodeAuthSigAddressConversionError,
                "SessionKeySignatureCheck");
        assertTrue(d.message().contains("session sig address"), d.message());
    }

    @Test
    void signature_sigNotHex_deniesWithSignatureConversionError() {
        AuthSig s = TestSessions.validSessionSig();
        AuthSig bad = AuthSig.of("zz" + s.sig().substring(2), s.derivedVia(), s.signedMessage(), s.address(), s.algo());
        assertDenied(validateAction(validator(), bad), LitErrorCode.NodeAuthSigSignatureConversionError,
                "SessionKeySignatureCheck");
    }

    @Test
    void signature_messageTamperedByOneCharacter_deniesWithInvalidSessionKeySignature() {
        AuthSig s = TestSessions.validSessionSig();
        String tampered = s.signedMessage().replace("\"expiration\":\"2025-01-02", "\"expiration\":\"2025-01-03");
        AuthSig bad = AuthSig.of(s.sig(), s.derivedVia(), tampered, s.address(), s.algo());
        assertDenied(validateAction(validator(), bad), LitErrorCode.NodeInvalidAuthSigSessionKeySignature,
                "SessionKeySignatureCheck");
    }

    @Test
    void signature_signedByAnotherKeyThanAddress_deniesWithInvalidSessionKeySignature() {
        AuthSig s = TestSessions.validSessionSig();
        AuthSig bad = AuthSig.of(s.sig(), s.derivedVia(), s.signedMessage(),
                TestSessions.OTHER_SESSION_KEY.publicKeyHex(), s.algo());
        assertDenied(validateAction(validator(), bad), LitErrorCode.NodeInvalidAuthSigSessionKeySignature,
                "SessionKeySignatureCheck");
    }

    @Test
    void signature_afterTheSameSigVerified_tamperedMessageOrOtherKeyIsStillDenied() {
        SessionSigValidator v = validator();
        AuthSig s = TestSessions.validSessionSig();
        assertInstanceOf(AuthContext.class, validateAction(v, s));
        assertInstanceOf(AuthContext.class, validateAction(v, s), "a remembered signature still passes");
        String tampered = s.signedMessage().replace("\"expiration\":\"2025-01-02", "\"expiration\":\"2025-01-03");
        assertDenied(validateAction(v, AuthSig.of(s.sig(), s.derivedVia(), tampered, s.address(), s.algo())),
                LitErrorCode.NodeInvalidAuthSigSessionKeySignature, "SessionKeySignatureCheck");
        assertDenied(validateAction(v, AuthSig.of(s.sig(), s.derivedVia(), s.signedMessage(),
                        TestSessions.OTHER_SESSION_KEY.publicKeyHex(), s.algo())),
                LitErrorCode.NodeInvalidAuthSigSessionKeySignature, "SessionKeySignatureCheck");
    }

    @Test
    void payload_notJson_deniesWithSignedMessageConversionError() {
        AuthSig bad = TestSessions.signRaw(TestSessions.SESSION_KEY, "not json");
        assertDenied(validateAction(validator(), bad), LitErrorCode.NodeAuthSigSignedMessageConversionError,
                "PayloadParseCheck");
    }

    @Test
    void payload_capabilityWithUnknownKey_deniesWithSignedMessageConversionError() {
        String json = payload().toJsonString().replace("\"derivedVia\":\"web3", "\"extra\":\"x\",\"derivedVia\":\"web3");
        AuthDenied d = assertDenied(validateAction(validator(), TestSessions.signRaw(TestSessions.SESSION_KEY, json)),
                LitErrorCode.NodeAuthSigSignedMessageConversionError, "PayloadParseCheck");
        assertTrue(d.message().contains("unknown field 'extra'"), d.message());
    }

    @Test
    void binding_payloadNamesAnotherSessionKey_deniesWithNodeInvalidAuthSig() {
        SessionSigPayload p = payload();
        SessionSigPayload other = new SessionSigPayload(TestSessions.OTHER_SESSION_KEY.publicKeyHex(),
                p.resourceAbilityRequests(), p.capabilities(), p.issuedAt(), p.expiration(), p.nodeAddress());
        assertDenied(validateAction(validator(), withPayload(other)), LitErrorCode.NodeInvalidAuthSig,
                "SessionKeyBindingCheck");
    }

    @Test
    void resource_notListedInSession_deniesWithResourceIdNotFound() {
        SessionSigPayload p = payload();
        SessionSigPayload pkpOnly = new SessionSigPayload(p.sessionKey(),
                List.of(ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING)), p.capabilities(),
                p.issuedAt(), p.expiration(), p.nodeAddress());
        assertDenied(validateAction(validator(), withPayload(pkpOnly)), LitErrorCode.NodeResourceIdNotFound,
                "ResourceRequestedCheck");
    }

    @Test
    void resource_listedWithExactIdOfAnotherAction_deniesWithResourceIdNotFound() {
        SessionSigPayload p = payload();
        SessionSigPayload other = new SessionSigPayload(p.sessionKey(),
                List.of(ResourceAbilityRequest.of(LitResource.action("QmOther"), LitAbility.LIT_ACTION_EXECUTION)),
                p.capabilities(), p.issuedAt(), p.expiration(), p.nodeAddress());
        assertDenied(validateAction(validator(), withPayload(other)), LitErrorCode.NodeResourceIdNotFound,
                "ResourceRequestedCheck");
    }

    /** One case per code the check takes from {@link SessionTimeRules}; the boundaries are in its own table. */
    static Stream<Arguments> brokenTimes() {
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        return Stream.of(
                Arguments.of(NOW.plusSeconds(61), NOW.plus(Duration.ofDays(1)), LitErrorCode.NodeIatOutsideGracePeriod),
                Arguments.of(dayAgo, NOW.minusSeconds(61), LitErrorCode.NodeExpWrongOrTooLarge),
                Arguments.of(dayAgo, dayAgo.plus(Duration.ofDays(31)), LitErrorCode.NodeSIWEMessageError));
    }

    @ParameterizedTest(name = "issuedAt {0}, expiration {1} -> {2}")
    @MethodSource("brokenTimes")
    void time_brokenSessionTimeRule_deniesWithThatRulesCodeFromSessionTimeCheck(Instant issuedAt, Instant expiration,
                                                                                LitErrorCode code) {
        SessionSigPayload p = times(IsoTime.format(issuedAt), IsoTime.format(expiration));
        AuthDenied d = assertDenied(validateAction(validator(), withPayload(p)), code, "SessionTimeCheck");
        assertEquals(SessionTimeRules.checkWindow("payload", issuedAt, expiration, NOW).orElseThrow().message(),
                d.message());
    }

    @Test
    void time_unparseableIssuedAt_deniesWithParserError() {
        SessionSigPayload p = times("yesterday", "2025-01-02T00:00:00.000Z");
        assertDenied(validateAction(validator(), withPayload(p)), LitErrorCode.NodeParserError, "SessionTimeCheck");
    }

    @Test
    void nodeAddress_anotherNode_deniesWithNotAuthorized() {
        AuthDenied d = assertDenied(validateAction(validator(), withPayload(node("http://127.0.0.1:7471"))),
                LitErrorCode.NodeNotAuthorized, "NodeAddressCheck");
        assertEquals("nodeAddress expected 127.0.0.1:7470 but got 127.0.0.1:7471", d.message());
    }

    @Test
    void nodeAddress_trailingSlash_deniesWithNotAuthorized() {
        assertDenied(validateAction(validator(), withPayload(node("http://127.0.0.1:7470/"))),
                LitErrorCode.NodeNotAuthorized, "NodeAddressCheck");
    }

    @Test
    void nodeAddress_localhostSpelling_isNormalizedLikeLitNodes() {
        assertInstanceOf(AuthContext.class,
                validateAction(validator(), withPayload(node(" https://localhost:7470 "))));
    }

    @Test
    void capabilities_empty_deniesWithSiweCapabilityInvalid() {
        AuthSig sig = TestSessions.sign(TestSessions.payload(List.of()));
        assertDenied(validateAction(validator(), sig), LitErrorCode.NodeSIWECapabilityInvalid,
                "CapabilitiesPresentCheck");
    }

    @Test
    void validator_listsItsChecksInTheDocumentedOrder() {
        SessionSigValidator v = validator();
        assertEquals(List.of("SessionSigKindCheck", "PayloadLimitsCheck", "SessionKeySignatureCheck",
                "PayloadParseCheck", "SessionKeyBindingCheck", "ResourceRequestedCheck", "SessionTimeCheck",
                "NodeAddressCheck", "CapabilitiesPresentCheck"), v.sessionCheckNames());
        assertEquals(List.of("CapabilityKindCheck", "SiweParseCheck", "SiweTimeCheck", "SiweWindowCheck",
                "SiweUriCheck", "RecapDecodeCheck", "RecapStatementCheck", "RecapCoverageCheck",
                "CapabilitySignatureCheck", "RevocationCheck"), v.capabilityCheckNames());
    }

    @Test
    void validator_usesTheInjectedClock() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertDenied(validateAction(validator(later), TestSessions.validSessionSig()),
                LitErrorCode.NodeExpWrongOrTooLarge, "SessionTimeCheck");
    }
}
