package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.assertCapabilityDenied;
import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static io.litj.protocol.auth.ValidatorAssertions.validator;
import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.FakeBlsVerifiers;
import io.litj.protocol.testing.TestSessions;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One breaking case per capability check (lit-node-behaviour.md §2.3–2.4), each expecting its exact code. */
class CapabilityChecksTest {
    private static final EthAddress PKP = EthAddress.parse("0x7f2e96c99F9551915DA9e9F828F512330f130acB", "pkp");

    private static ValidationResult validateWith(AuthSig capability) {
        return validateAction(validator(), TestSessions.sessionSig(List.of(capability)));
    }

    private static AuthSig signedGrant(SiweMessage siwe) {
        return AuthSigs.generate(TestSessions.WALLET, siwe);
    }

    @Test
    void kind_nestedSessionSigCapability_failsWithSiweMessageError() {
        AuthSig nested = TestSessions.validSessionSig();
        assertCapabilityDenied(validateWith(nested), LitErrorCode.NodeSIWEMessageError, "CapabilityKindCheck");
    }

    @Test
    void parse_notASiwe_failsWithSiweCapabilityInvalid() {
        AuthSig grant = AuthSigs.generate(TestSessions.WALLET, "hello world");
        assertCapabilityDenied(validateWith(grant), LitErrorCode.NodeSIWECapabilityInvalid, "SiweParseCheck");
    }

    /** One case per code the check takes from {@link SessionTimeRules}; the boundaries are in its own table. */
    static Stream<Arguments> brokenSiweTimes() {
        SiweMessage expired = TestSessions.grantSiwe().issuedAt(NOW.minus(Duration.ofDays(1)))
                .expiration(NOW.minusSeconds(1)).build();
        SiweMessage open = TestSessions.grantSiwe().build().toBuilder().expirationTime((String) null).build();
        return Stream.of(Arguments.of("expired 1 s ago", expired, LitErrorCode.NodeSIWEMessageError),
                Arguments.of("no Expiration Time", open, LitErrorCode.NodeUndefinedSiweExpiration));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("brokenSiweTimes")
    void time_brokenCapabilityTimeRule_failsWithThatRulesCodeFromSiweTimeCheck(String name, SiweMessage siwe,
                                                                               LitErrorCode code) {
        AuthDenied d = assertCapabilityDenied(validateWith(signedGrant(siwe)), code, "SiweTimeCheck");
        assertEquals(SessionTimeRules.checkCapability("SIWE", siwe, NOW).orElseThrow().message(),
                d.capabilityFailures().get(0).message());
    }

    @Test
    void uri_delegatesToAnotherSessionKey_failsWithSiweMessageError() {
        SiweMessage siwe = TestSessions.grantSiwe().uri(TestSessions.OTHER_SESSION_KEY.uri()).build();
        ValidationResult r = validateWith(signedGrant(siwe));
        AuthDenied d = assertCapabilityDenied(r, LitErrorCode.NodeSIWEMessageError, "SiweUriCheck");
        assertTrue(d.capabilityFailures().get(0).message().startsWith("SIWE URI expected lit:session:"),
                d.capabilityFailures().get(0).message());
    }

    @Test
    void uri_capacityDelegationNeverGrantsASession() {
        SiweMessage siwe = TestSessions.grantSiwe().uri(CapacityDelegation.URI).build();
        assertCapabilityDenied(validateWith(signedGrant(siwe)), LitErrorCode.NodeSIWEMessageError, "SiweUriCheck");
    }

    @Test
    void uri_uppercaseSessionKeyHex_isTheSameKey() {
        SiweMessage siwe = TestSessions.grantSiwe().uri("lit:session:"
                + TestSessions.SESSION_KEY.publicKeyHex().toUpperCase()).build();
        assertInstanceOf(AuthContext.class, validateWith(signedGrant(siwe)));
    }

    @Test
    void recapDecode_unsortedAttenuations_failsWithSiweCapabilityInvalid() {
        String json = "{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[{}]},\"lit-litaction://*\":"
                + "{\"Threshold/Execution\":[{}]}},\"prf\":[]}";
        String urn = "urn:recap:" + Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
        SiweMessage siwe = TestSessions.grantSiwe().build().toBuilder().resources(List.of(urn)).build();
        assertCapabilityDenied(validateWith(signedGrant(siwe)), LitErrorCode.NodeSIWECapabilityInvalid,
                "RecapDecodeCheck");
    }

    @Test
    void recapDecode_walletGrantsResolvedAuthContext_failsWithInvalidAuthContextResource() {
        Recap injected = Recap.empty().withAttenuation(LitResource.resolvedAuthContext().key(), "Auth", "Auth",
                JsonValue.JsonObject.empty());
        SiweMessage siwe = SiweRecaps.add(TestSessions.grantSiwe().build(), injected);
        assertCapabilityDenied(validateWith(signedGrant(siwe)), LitErrorCode.NodeInvalidAuthContextResource,
                "RecapDecodeCheck");
    }

    @Test
    void recapStatement_statementWithoutTheRecapSentence_failsWithSiweCapabilityInvalid() {
        SiweMessage siwe = TestSessions.grantSiwe().build().toBuilder().statement("Sign in please").build();
        assertCapabilityDenied(validateWith(signedGrant(siwe)), LitErrorCode.NodeSIWECapabilityInvalid,
                "RecapStatementCheck");
    }

    @Test
    void recapStatement_noStatementAtAll_failsWithSiweCapabilityInvalid() {
        SiweMessage siwe = TestSessions.grantSiwe().build().toBuilder().statement(null).build();
        assertCapabilityDenied(validateWith(signedGrant(siwe)), LitErrorCode.NodeSIWECapabilityInvalid,
                "RecapStatementCheck");
    }

    @Test
    void recapCoverage_grantOnlyForPkps_failsWithSiweCapabilityInvalid() {
        SiweMessage siwe = TestSessions.grantSiwe()
                .resources(List.of(ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING))).build();
        assertCapabilityDenied(validateWith(signedGrant(siwe)), LitErrorCode.NodeSIWECapabilityInvalid,
                "RecapCoverageCheck");
    }

    @Test
    void signature_signedByAnotherWallet_failsWithSiweMessageError() {
        SiweMessage siwe = TestSessions.grantSiwe().build();
        String text = SiweRenderer.render(siwe);
        String otherSig = TestSessions.OTHER_WALLET.signPersonalMessage(text).toHex();
        AuthSig forged = AuthSig.of(otherSig, AuthSig.WALLET_DERIVED_VIA, text, siwe.address(), Optional.empty());
        assertCapabilityDenied(validateWith(forged), LitErrorCode.NodeSIWEMessageError, "CapabilitySignatureCheck");
    }

    @Test
    void signature_notAHexSignature_failsWithSiweSigConversionError() {
        AuthSig grant = TestSessions.walletGrant();
        AuthSig bad = AuthSig.of("0x1234", grant.derivedVia(), grant.signedMessage(), grant.address(), grant.algo());
        assertCapabilityDenied(validateWith(bad), LitErrorCode.NodeSIWESigConversionError, "CapabilitySignatureCheck");
    }

    @Test
    void signature_highSVariantOfAValidSignature_failsWithSiweSigConversionError() {
        AuthSig grant = TestSessions.walletGrant();
        EthSignature sig = EthSignature.parse(grant.sig(), "sig");
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        byte[] raw = sig.toBytes();
        byte[] highS = n.subtract(sig.s()).toByteArray();
        System.arraycopy(highS, highS.length - 32, raw, 32, 32);
        raw[64] = (byte) (raw[64] == 27 ? 28 : 27);
        AuthSig malleated = AuthSig.of("0x" + Hex.encode(raw), grant.derivedVia(), grant.signedMessage(),
                grant.address(), grant.algo());
        assertCapabilityDenied(validateWith(malleated), LitErrorCode.NodeSIWESigConversionError,
                "CapabilitySignatureCheck");
    }

    @Test
    void signature_addressFieldNamesAnotherAccount_failsWithSiweMessageError() {
        AuthSig grant = TestSessions.walletGrant();
        AuthSig bad = AuthSig.of(grant.sig(), grant.derivedVia(), grant.signedMessage(),
                TestSessions.OTHER_WALLET.address().toChecksumString(), grant.algo());
        assertCapabilityDenied(validateWith(bad), LitErrorCode.NodeSIWEMessageError, "CapabilitySignatureCheck");
    }

    @Test
    void capabilities_firstFailsSecondGrants_authorizesThroughTheSecond() {
        AuthSig capacity = AuthSigs.capacityDelegation(TestSessions.WALLET,
                LitSiweBuilder.create(TestSessions.WALLET.address(), TestSessions.NONCE).clock(TestSessions.CLOCK),
                CapacityDelegation.of("12345", List.of(), 10));
        ValidationResult r = validateAction(validator(),
                TestSessions.sessionSig(List.of(capacity, TestSessions.walletGrant())));
        AuthContext ctx = assertInstanceOf(AuthContext.class, r);
        assertEquals(1, ctx.capabilityIndex());
        assertEquals(AuthSigType.WALLET_SIG, ctx.capabilityType());
    }

    // ---- network (lit.bls) capabilities ----

    private static AuthSig blsCapability(String sigJson) {
        Recap grant = Recap.empty().withAttenuation("lit-litaction://*", "Threshold", "Execution",
                        JsonValue.JsonObject.empty())
                .withAttenuation(LitResource.resolvedAuthContext().key(), "Auth", "Auth", JsonValue.object()
                        .put("auth_context", JsonValue.object().put("customAuthResource", "ok").build()).build());
        SiweMessage siwe = SiweRecaps.add(SiweMessage.builder().domain("litprotocol.com")
                .address(PKP.toChecksumString()).statement("Lit Protocol PKP session signature")
                .uri(TestSessions.SESSION_KEY.uri()).nonce(TestSessions.NONCE).issuedAt("2024-12-31T23:59:00Z")
                .expirationTime("2025-01-02T00:00:00.000Z").build(), grant);
        return AuthSig.bls(sigJson, SiweRenderer.render(siwe), PKP.toChecksumString());
    }

    private static String popJson(byte[] g2) {
        return "{\"ProofOfPossession\":\"" + Hex.encode(g2) + "\"}";
    }

    @Test
    void bls_verifiedCapability_provesThePkpAndCarriesItsAuthContext() {
        AuthSig cap = blsCapability(popJson(new byte[96]));
        AtomicReference<byte[]> seen = new AtomicReference<>();
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .blsVerifier((m, s) -> seen.set(m)).build();
        AuthContext ctx = assertInstanceOf(AuthContext.class,
                validateAction(v, TestSessions.sessionSig(List.of(cap))));
        assertEquals(PKP, ctx.caller());
        assertEquals(AuthSigType.BLS_NETWORK_SIG, ctx.capabilityType());
        assertEquals("ok", ((JsonValue.JsonString) ctx.resolvedAuthContext().orElseThrow()
                .get("customAuthResource").orElseThrow()).value());
        assertEquals(Hex.encode(BlsSessionMessage.of(cap.signedMessage())), Hex.encode(seen.get()));
    }

    @Test
    void bls_signatureRejectedByTheNetworkKey_failsWithSiweMessageError() {
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .blsVerifier(FakeBlsVerifiers.REFUSING).build();
        assertCapabilityDenied(validateAction(v, TestSessions.sessionSig(List.of(blsCapability(popJson(new byte[96]))))),
                LitErrorCode.NodeSIWEMessageError, "CapabilitySignatureCheck");
    }

    @Test
    void bls_sigNotProofOfPossessionJson_failsWithSiweSigConversionError() {
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .blsVerifier(FakeBlsVerifiers.ACCEPTING).build();
        assertCapabilityDenied(validateAction(v, TestSessions.sessionSig(List.of(blsCapability("{\"Basic\":\"00\"}")))),
                LitErrorCode.NodeSIWESigConversionError, "CapabilitySignatureCheck");
    }

    @Test
    void bls_noNetworkKeyConfigured_deniedWithBlsRootKeyNotFound() {
        AuthSig sig = TestSessions.sessionSig(List.of(blsCapability(popJson(new byte[96]))));
        AuthDenied denied = assertCapabilityDenied(validateAction(validator(), sig),
                LitErrorCode.NodeBLSRootKeyNotFound, "CapabilitySignatureCheck");
        assertEquals("capabilities[0] CapabilitySignatureCheck NodeBLSRootKeyNotFound: no network BLS key is "
                + "configured to verify lit.bls capabilities", denied.details().get(1));
    }

    @Test
    void bls_verifierWithoutRootKeyYet_deniesThatCapabilityAndTriesTheNext() {
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .blsVerifier((m, s) -> {
                    throw new LitProtocolException(LitErrorCode.NodeBLSRootKeyNotFound, "no BLS root key yet");
                }).build();
        AuthSig sig = TestSessions.sessionSig(List.of(blsCapability(popJson(new byte[96])),
                TestSessions.walletGrant()));
        AuthContext ctx = assertInstanceOf(AuthContext.class, validateAction(v, sig));
        assertEquals(1, ctx.capabilityIndex());
        assertEquals(TestSessions.WALLET.address(), ctx.caller());
    }

    @Test
    void bls_verifierWithoutRootKeyYet_onlyCapability_deniedWithBlsRootKeyNotFound() {
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK)
                .blsVerifier((m, s) -> {
                    throw new LitProtocolException(LitErrorCode.NodeBLSRootKeyNotFound, "no BLS root key yet");
                }).build();
        assertCapabilityDenied(validateAction(v, TestSessions.sessionSig(List.of(blsCapability(popJson(new byte[96]))))),
                LitErrorCode.NodeBLSRootKeyNotFound, "CapabilitySignatureCheck");
    }

    @Test
    void bls_capabilityExpiredForTheClock_failsBeforeAnyBlsWork() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC);
        SessionSigValidator v = SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(later)
                .blsVerifier((m, s) -> {
                    throw new AssertionError("must not be called");
                }).build();
        AuthSig sig = TestSessions.sign(new SessionSigPayload(TestSessions.SESSION_KEY.publicKeyHex(),
                TestSessions.actionAndPkp(), List.of(blsCapability(popJson(new byte[96]))),
                "2025-01-01T00:00:00.000Z", "2025-01-03T00:00:00.000Z", TestSessions.NODE_URL));
        assertCapabilityDenied(validateAction(v, sig), LitErrorCode.NodeSIWEMessageError, "SiweTimeCheck");
    }
}
