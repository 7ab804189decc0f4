package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.assertCapabilityDenied;
import static io.litj.protocol.auth.ValidatorAssertions.assertDenied;
import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.CountingBlsVerifier;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code PayloadLimitsCheck} (issue 8): at most 8 capabilities and 16 resourceAbilityRequests per session sig, no
 * repeats, refused with {@code NodeBadInput} before any signature work. A counting verifier stands for the pairings
 * a node would run.
 */
class PayloadLimitsCheckTest {
    private static final String CHECK = "PayloadLimitsCheck";

    private final CountingBlsVerifier pairings = CountingBlsVerifier.refusingAll();
    private final SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
            .clock(TestSessions.CLOCK).blsVerifier(pairings).build();

    /** {@code count} network capabilities with distinct (bogus) signatures. */
    private static List<AuthSig> bogusNetworkCapabilities(int count) {
        List<AuthSig> caps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            caps.add(TestCapabilities.network(TestCapabilities.popJson(i)));
        }
        return caps;
    }

    private static AuthSig withRequests(List<ResourceAbilityRequest> requests) {
        SessionSigPayload p = TestSessions.payload(List.of(TestSessions.walletGrant()));
        return TestSessions.sign(new SessionSigPayload(p.sessionKey(), requests, p.capabilities(), p.issuedAt(),
                p.expiration(), p.nodeAddress()));
    }

    /** The action wildcard (which the request needs) and {@code count - 1} distinct PKP requests. */
    private static List<ResourceAbilityRequest> distinctRequests(int count) {
        List<ResourceAbilityRequest> requests = new ArrayList<>();
        requests.add(ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
        for (int i = 1; i < count; i++) {
            requests.add(ResourceAbilityRequest.of(LitResource.pkp(Integer.toString(i)), LitAbility.PKP_SIGNING));
        }
        return requests;
    }

    @Test
    void capabilities_20000BogusNetworkCapabilities_deniedWithNoPairingAtAll() {
        AuthSig flood = TestSessions.sign(TestSessions.payload(
                Collections.nCopies(20_000, TestCapabilities.network(TestCapabilities.popJson(1)))));

        AuthDenied denied = assertDenied(validateAction(validator, flood), LitErrorCode.NodeBadInput, CHECK);

        assertEquals("session sig carries 20000 capabilities (limit 8)", denied.message());
        assertEquals(0, pairings.calls());
    }

    @Test
    void capabilities_nineDistinct_deniedWithNoPairing() {
        AuthSig nine = TestSessions.sign(TestSessions.payload(bogusNetworkCapabilities(9)));

        assertDenied(validateAction(validator, nine), LitErrorCode.NodeBadInput, CHECK);
        assertEquals(0, pairings.calls());
    }

    @Test
    void capabilities_eightDistinct_allTriedAndTheLastAuthorizes() {
        List<AuthSig> caps = new ArrayList<>(bogusNetworkCapabilities(7));
        caps.add(TestSessions.walletGrant());

        AuthContext ctx = assertInstanceOf(AuthContext.class,
                validateAction(validator, TestSessions.sign(TestSessions.payload(caps))));

        assertEquals(7, ctx.capabilityIndex());
        assertEquals(7, pairings.calls());
    }

    @Test
    void capabilities_overTheLimitWithABrokenSessionSignature_refusedBeforeTheSignatureCheck() {
        AuthSig nine = TestSessions.sign(TestSessions.payload(bogusNetworkCapabilities(9)));
        AuthSig badSig = AuthSig.of("00".repeat(64), nine.derivedVia(), nine.signedMessage(), nine.address(),
                nine.algo());

        assertDenied(validateAction(validator, badSig), LitErrorCode.NodeBadInput, CHECK);
    }

    @Test
    void capabilities_sameSigAndMessageTwice_deniedWithNoPairing() {
        AuthSig cap = TestCapabilities.network(TestCapabilities.popJson(5));
        AuthSig twice = TestSessions.sign(TestSessions.payload(List.of(cap, TestSessions.walletGrant(), cap)));

        AuthDenied denied = assertDenied(validateAction(validator, twice), LitErrorCode.NodeBadInput, CHECK);

        assertEquals("session sig carries capabilities[2] twice: same sig and signedMessage as capabilities[0]",
                denied.message());
        assertEquals(0, pairings.calls());
    }

    @Test
    void capabilities_sameMessageOtherSig_areDistinctAndBothTried() {
        List<AuthSig> caps = bogusNetworkCapabilities(2);

        assertCapabilityDenied(validateAction(validator, TestSessions.sign(TestSessions.payload(caps))),
                LitErrorCode.NodeSIWEMessageError, "CapabilitySignatureCheck");
        assertEquals(2, pairings.calls());
    }

    @Test
    void requests_seventeen_deniedWithNodeBadInput() {
        AuthDenied denied = assertDenied(validateAction(validator, withRequests(distinctRequests(17))),
                LitErrorCode.NodeBadInput, CHECK);

        assertEquals("session sig carries 17 resourceAbilityRequests (limit 16)", denied.message());
    }

    @Test
    void requests_sixteenDistinct_authorized() {
        assertInstanceOf(AuthContext.class, validateAction(validator, withRequests(distinctRequests(16))));
    }

    @Test
    void requests_sameResourceAndAbilityTwice_deniedWithNodeBadInput() {
        List<ResourceAbilityRequest> requests = new ArrayList<>(distinctRequests(3));
        requests.add(requests.get(1));

        AuthDenied denied = assertDenied(validateAction(validator, withRequests(requests)), LitErrorCode.NodeBadInput,
                CHECK);

        assertEquals("session sig carries resourceAbilityRequests[3] twice: same resource and ability as "
                + "resourceAbilityRequests[1]", denied.message());
    }

    @Test
    void payload_notJson_leftToThePayloadParseCheckAfterTheSignature() {
        AuthSig notJson = TestSessions.signRaw(TestSessions.SESSION_KEY, "{\"capabilities\":[1,2,3,4,5,6,7,8,9]");

        assertDenied(validateAction(validator, notJson), LitErrorCode.NodeAuthSigSignedMessageConversionError,
                "PayloadParseCheck");
    }
}
