package io.litj.protocol.auth;

import static io.litj.protocol.auth.ValidatorAssertions.validateAction;
import static io.litj.protocol.auth.ValidatorAssertions.validator;
import static io.litj.protocol.testing.TestSessions.CLOCK;
import static io.litj.protocol.testing.TestSessions.NONCE;
import static io.litj.protocol.testing.TestSessions.NOW;
import static io.litj.protocol.testing.TestSessions.OTHER_WALLET;
import static io.litj.protocol.testing.TestSessions.WALLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capacity delegations in a session sig (lit-node-behaviour.md §5, §10.10–11): the validator judges every capability
 * that declares {@code lit:capability:delegation} with the delegation checks and reports verified ones with their
 * grants and uses key, refused ones with the failing check and code; neither changes the request's verdict.
 */
class CapacityDelegationChecksTest {

    /** A delegation SIWE by {@code owner}, as createCapacityDelegationAuthSig builds it. */
    static SiweMessage delegationSiwe(EthAddress owner, CapacityDelegation delegation) {
        return LitSiweBuilder.create(owner, NONCE).clock(CLOCK).uri(CapacityDelegation.URI)
                .expiration(NOW.plus(Duration.ofDays(7))).capacityDelegation(delegation).build();
    }

    static AuthSig delegation(CapacityDelegation d) {
        return AuthSigs.generate(OTHER_WALLET, delegationSiwe(OTHER_WALLET.address(), d));
    }

    private static AuthContext accepted(List<AuthSig> capabilities) {
        return assertInstanceOf(AuthContext.class, validateAction(validator(), TestSessions.sessionSig(capabilities)));
    }

    @Test
    void validate_jsSdkShapedDelegationAhead_isVerifiedWithItsGrantAndKey() {
        AuthSig d = delegation(CapacityDelegation.of("7", List.of(WALLET.address().toChecksumString()), 2));
        AuthContext ctx = accepted(List.of(d, TestSessions.walletGrant()));
        assertEquals(WALLET.address(), ctx.caller());
        assertEquals(List.of(), ctx.refusedDelegations());
        CapacityDelegationProof proof = ctx.capacityDelegations().getFirst();
        assertEquals(0, proof.index());
        assertEquals(OTHER_WALLET.address(), proof.delegator());
        assertEquals(Hex.encode(Eip191.hash(d.signedMessage())), proof.usesKey().hex());
        assertEquals(NOW.plus(Duration.ofDays(7)), proof.expiration());
        CapacityGrant grant = proof.grants().getFirst();
        assertEquals("7", grant.resourceId());
        assertEquals(Optional.of(List.of("7")), grant.namedCredits());
        assertEquals(Optional.of(2L), grant.uses());
        assertTrue(grant.admits(WALLET.address()));
        assertEquals(false, grant.admits(OTHER_WALLET.address()));
    }

    @Test
    void validate_noDelegation_reportsNone() {
        AuthContext ctx = accepted(List.of(TestSessions.walletGrant()));
        assertEquals(List.of(), ctx.capacityDelegations());
        assertEquals(List.of(), ctx.refusedDelegations());
    }

    @Test
    void validate_wildcardDelegationWithoutRestrictions_namesNoCreditAndAdmitsAnyone() {
        AuthSig d = delegation(new CapacityDelegation(Optional.empty(), Optional.empty(), Optional.empty()));
        CapacityGrant grant = accepted(List.of(d, TestSessions.walletGrant())).capacityDelegations().getFirst()
                .grants().getFirst();
        assertEquals(Optional.empty(), grant.namedCredits());
        assertEquals(Optional.empty(), grant.uses());
        assertTrue(grant.admits(OTHER_WALLET.address()));
    }

    /** Every encoding of one signature the validator accepts: 0x or not, hex case, v 27/28 or 0/1. */
    @Test
    void usesKey_sameForEveryAcceptedEncodingOfOneSignature() {
        AuthSig d = delegation(CapacityDelegation.of("7", List.of(), 1));
        String hex = d.sig().substring(2);
        int v = Integer.parseInt(hex.substring(128), 16);
        String lowV = hex.substring(0, 128) + String.format("%02x", v - 27);
        List<String> encodings = List.of(d.sig(), hex, "0x" + hex.toUpperCase(Locale.ROOT), "0x" + lowV, lowV);
        String expected = accepted(List.of(d, TestSessions.walletGrant())).capacityDelegations().getFirst()
                .usesKey().hex();
        for (String sig : encodings) {
            AuthSig variant = AuthSig.of(sig, d.derivedVia(), d.signedMessage(), d.address(), Optional.empty());
            AuthContext ctx = accepted(List.of(variant, TestSessions.walletGrant()));
            assertEquals(List.of(), ctx.refusedDelegations(), sig);
            assertEquals(expected, ctx.capacityDelegations().getFirst().usesKey().hex(), sig);
        }
    }

    static Stream<Arguments> brokenDelegations() {
        SiweMessage good = delegationSiwe(OTHER_WALLET.address(), CapacityDelegation.of("7", List.of(), 1));
        String text = SiweRenderer.render(good);
        return Stream.of(
                Arguments.of("signed by another wallet", AuthSigs.generate(WALLET, good),
                        "CapabilitySignatureCheck",
                        LitErrorCode.NodeSIWEMessageError),
                Arguments.of("expired", AuthSigs.generate(OTHER_WALLET, LitSiweBuilder.create(OTHER_WALLET.address(),
                        NONCE).clock(java.time.Clock.fixed(NOW.minus(Duration.ofDays(2)), java.time.ZoneOffset.UTC))
                        .uri(CapacityDelegation.URI).expiration(NOW.minusSeconds(1))
                        .capacityDelegation(CapacityDelegation.of("7", List.of(), 1)).build()), "SiweTimeCheck",
                        LitErrorCode.NodeSIWEMessageError),
                Arguments.of("tampered text", AuthSig.of(AuthSigs.generate(OTHER_WALLET, good).sig(),
                        AuthSig.WALLET_DERIVED_VIA, text.replace("Issued At", "Issued  At"),
                        OTHER_WALLET.address().toChecksumString(), Optional.empty()), "SiweParseCheck",
                        LitErrorCode.NodeSIWECapabilityInvalid),
                Arguments.of("uses not a decimal string", signedWith(new Recap(java.util.Map.of(
                        "lit-ratelimitincrease://7", java.util.Map.of("Auth/Auth", List.of(JsonValue.object()
                                .put("uses", new JsonValue.JsonNumber(2)).build()))), List.of())),
                        "DelegationGrantCheck", LitErrorCode.NodeCapacityDelegationInvalid),
                Arguments.of("delegate_to not an address", signedWith(new Recap(java.util.Map.of(
                        "lit-ratelimitincrease://7", java.util.Map.of("Auth/Auth", List.of(JsonValue.object()
                                .put("delegate_to", new JsonValue.JsonArray(List.of(new JsonValue.JsonString("xyz"))))
                                .build()))), List.of())), "DelegationGrantCheck",
                        LitErrorCode.NodeCapacityDelegationInvalid),
                Arguments.of("nft_id not decimal", signedWith(new Recap(java.util.Map.of(
                        "lit-ratelimitincrease://*", java.util.Map.of("Auth/Auth", List.of(JsonValue.object()
                                .put("nft_id", new JsonValue.JsonArray(List.of(new JsonValue.JsonString("0x07"))))
                                .build()))), List.of())), "DelegationGrantCheck",
                        LitErrorCode.NodeCapacityDelegationInvalid),
                Arguments.of("no rate-limit grant", signedWith(Recap.empty().withAttenuation("lit-litaction://*",
                        "Threshold", "Execution", JsonValue.JsonObject.empty())), "DelegationGrantCheck",
                        LitErrorCode.NodeCapacityDelegationInvalid));
    }

    private static AuthSig signedWith(Recap recap) {
        SiweMessage siwe = SiweMessage.builder().domain("localhost").address(OTHER_WALLET.address().toChecksumString())
                .statement("delegation").uri(CapacityDelegation.URI).nonce(NONCE).issuedAt(NOW.minusSeconds(60))
                .expirationTime(NOW.plus(Duration.ofDays(1))).build();
        return AuthSigs.generate(OTHER_WALLET, SiweRecaps.add(siwe, recap));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDelegations")
    void validate_brokenDelegation_isRefusedWithItsCheck_andTheRequestStillPasses(String name, AuthSig broken,
            String check, LitErrorCode code) {
        AuthContext ctx = accepted(List.of(broken, TestSessions.walletGrant()));
        assertEquals(List.of(), ctx.capacityDelegations());
        CapabilityFailure failure = ctx.refusedDelegations().getFirst();
        assertEquals(0, failure.index());
        assertEquals(check, failure.check(), failure.message());
        assertEquals(code, failure.code(), failure.message());
    }

    @Test
    void validate_delegationOnly_neverAuthorizesASession() {
        AuthSig d = delegation(CapacityDelegation.of("7", List.of(), 1));
        AuthDenied denied = assertInstanceOf(AuthDenied.class, validateAction(validator(),
                TestSessions.sessionSig(List.of(d))));
        assertEquals(LitErrorCode.NodeResourceIdNotFound, denied.code());
    }
}
