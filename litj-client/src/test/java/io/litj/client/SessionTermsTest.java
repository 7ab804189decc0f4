package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTermsTest {
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    private static final ResourceAbilityRequest PKP =
            ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING);

    private static LitErrorCode refusal(SessionTerms.Builder b) {
        return assertThrows(LitClientException.class, b::build).code();
    }

    @Test
    void of_requests_keepsThemInOrderWithEveryDefault() {
        SessionTerms t = SessionTerms.of(PKP, ACTION);
        assertEquals(List.of(PKP, ACTION), t.resourceAbilityRequests());
        assertEquals(Optional.empty(), t.expiration());
        assertEquals(List.of(), t.capabilityAuthSigs());
        assertEquals(Optional.empty(), t.domain());
        assertEquals(Optional.empty(), t.statement());
    }

    @Test
    void legacyResource_mapsToTodaysRequest_andRefusesUnknownSchemes() {
        SessionTerms t = SessionTerms.builder().legacyResource("litPKPCapability://*")
                .legacyResource("litActionCapability://*").build();
        assertEquals(List.of(PKP, ACTION), t.resourceAbilityRequests());

        LitClientException e = assertThrows(LitClientException.class,
                () -> SessionTerms.builder().legacyResource("litNothing://*"));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("litRLICapability"), e.getMessage());
    }

    @Test
    void toBuilder_changedExpiration_keepsEverythingElse() {
        Instant later = TestSessions.NOW.plus(Duration.ofHours(2));
        SessionTerms base = SessionTerms.builder().resourceAbilityRequest(ACTION).domain("example.org")
                .statement("Hi.").capabilityAuthSigs(List.of(TestSessions.walletGrant())).build();
        SessionTerms variant = base.toBuilder().expiration(later).build();
        assertEquals(Optional.of(later), variant.expiration());
        assertEquals(base.resourceAbilityRequests(), variant.resourceAbilityRequests());
        assertEquals(base.capabilityAuthSigs(), variant.capabilityAuthSigs());
        assertEquals(Optional.of("example.org"), variant.domain());
        assertEquals(Optional.of("Hi."), variant.statement());
        assertEquals(Optional.empty(), base.expiration(), "the original is unchanged");
    }

    /** Issue 14: no requests now means the seeds' default (every ability, every resource), not a refusal. */
    @Test
    void build_withoutRequests_grantsTheSeedsDefault() {
        SessionTerms t = SessionTerms.builder().build();
        assertEquals(io.litj.protocol.resource.ResourceAbilityRequest.everyResourceWildcard(),
                t.resourceAbilityRequests());
        org.junit.jupiter.api.Assertions.assertTrue(t.usesDefaultResources());
    }

    @Test
    void build_abilityNotValidOnItsResource_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, refusal(SessionTerms.builder().resourceAbilityRequest(
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.LIT_ACTION_EXECUTION))));
    }

    @Test
    void build_emptyDomain_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, refusal(SessionTerms.builder().resourceAbilityRequest(ACTION)
                .domain("")));
    }

    @Test
    void toString_showsResourcesAndExpirationButNoSignature() {
        String text = SessionTerms.builder().resourceAbilityRequest(ACTION)
                .capabilityAuthSigs(List.of(TestSessions.walletGrant())).build().toString();
        assertFalse(text.contains(TestSessions.walletGrant().sig()), text);
        assertTrue(text.contains("expiration=default capabilityAuthSigs=1"), text);
    }
}
