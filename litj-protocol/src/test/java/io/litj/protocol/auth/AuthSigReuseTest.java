package io.litj.protocol.auth;

import static io.litj.protocol.testing.TestSessions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.TestSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthSigReuseTest {
    private static final AuthSigReuse REUSE = AuthSigReuse.of(TestSessions.CLOCK);

    private static AuthSigReuse.Decision check(AuthSig sig, List<ResourceAbilityRequest> requests) {
        return REUSE.check(sig, TestSessions.SESSION_KEY, requests);
    }

    @Test
    void check_validGrantForTheSameRequests_isReused() {
        AuthSigReuse.Decision d = check(TestSessions.walletGrant(), TestSessions.actionAndPkp());
        assertTrue(d.reusable(), d.toString());
    }

    @Test
    void check_subsetOfTheGrantedRequests_isReused() {
        assertTrue(check(TestSessions.walletGrant(), List.of(
                ResourceAbilityRequest.of(LitResource.pkp("0x1234"), LitAbility.PKP_SIGNING))).reusable());
    }

    @Test
    void check_aNewResourceAsked_resignsForCoverage() {
        List<ResourceAbilityRequest> more = new ArrayList<>(TestSessions.actionAndPkp());
        more.add(ResourceAbilityRequest.of(LitResource.accessControlCondition("*"),
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
        AuthSigReuse.Decision d = check(TestSessions.walletGrant(), more);
        assertFalse(d.reusable());
        assertEquals("RecapCoverageCheck", d.check());
    }

    @Test
    void check_anotherSessionKey_resignsForTheUri() {
        AuthSigReuse.Decision d = REUSE.check(TestSessions.walletGrant(), TestSessions.OTHER_SESSION_KEY,
                TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("SiweUriCheck", d.check());
    }

    @Test
    void check_expiringWithinTheMargin_resigns() {
        AuthSig soon = AuthSigs.generate(TestSessions.WALLET,
                TestSessions.grantSiwe().expiration(NOW.plus(Duration.ofMinutes(4))).build());
        AuthSigReuse.Decision d = check(soon, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("SafetyMargin", d.check());
        assertTrue(REUSE.withMargin(Duration.ofMinutes(3)).check(soon, TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp()).reusable());
    }

    @Test
    void check_expired_resigns() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertFalse(AuthSigReuse.of(later).check(TestSessions.walletGrant(), TestSessions.SESSION_KEY,
                TestSessions.actionAndPkp()).reusable());
    }

    @Test
    void check_malformedCachedAuthSig_resignsInsteadOfThrowing() {
        AuthSig junk = AuthSig.of("0x00", AuthSig.WALLET_DERIVED_VIA, "not a siwe", "0x00", java.util.Optional.empty());
        AuthSigReuse.Decision d = check(junk, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("SiweParseCheck", d.check());
    }

    @Test
    void check_forgedSignature_resigns() {
        AuthSig grant = TestSessions.walletGrant();
        String otherSig = TestSessions.OTHER_WALLET.signPersonalMessage(grant.signedMessage()).toHex();
        AuthSig forged = AuthSig.of(otherSig, grant.derivedVia(), grant.signedMessage(), grant.address(), grant.algo());
        AuthSigReuse.Decision d = check(forged, TestSessions.actionAndPkp());
        assertFalse(d.reusable());
        assertEquals("CapabilitySignatureCheck", d.check());
    }

    @Test
    void check_recapNotInTheFirstResource_isStillFound() {
        SiweMessage base = TestSessions.grantSiwe().build();
        List<String> resources = new ArrayList<>();
        resources.add("https://example.com/terms");
        resources.addAll(base.resources());
        AuthSig grant = AuthSigs.generate(TestSessions.WALLET, base.toBuilder().resources(resources).build());
        assertTrue(check(grant, TestSessions.actionAndPkp()).reusable());
    }
}
