package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AccAuthGate}: a session sig or a bare wallet AuthSig proves the caller; the unsigned {@code address}
 * field never does; every other kind of material is refused with its code.
 */
class AccAuthGateTest {
    private static final AccIdentity ID = new AccIdentity("aa".repeat(32), "bb".repeat(32));
    private static final ResourceAbilityRequest DECRYPT = ID.decryptionRequest();
    private static final AccAuthGate GATE = new AccAuthGate(SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
            .clock(TestSessions.CLOCK).build(), TestSessions.CLOCK);

    private static AuthSig wallet(LitSiweBuilder siwe) {
        return AuthSigs.generate(TestSessions.WALLET, siwe.clock(TestSessions.CLOCK).build());
    }

    private static LitSiweBuilder login() {
        return LitSiweBuilder.create(TestSessions.WALLET.address(), TestSessions.NONCE)
                .expiration(TestSessions.NOW.plus(Duration.ofMinutes(10)));
    }

    private static LitErrorCode refused(JsonValue authSig) {
        return assertThrows(LitNodeException.class, () -> GATE.authorize(Optional.ofNullable(authSig), DECRYPT))
                .code();
    }

    @Test
    void aWalletAuthSigProvesItsSigner() {
        assertEquals(TestSessions.WALLET.address(), GATE.authorize(Optional.of(wallet(login()).toJson()), DECRYPT));
    }

    @Test
    void aSessionSigProvesItsCapabilitysWalletNotTheSessionKey() {
        Instant expiration = TestSessions.NOW.plus(Duration.ofHours(1));
        AuthSig grant = AuthSigs.generate(TestSessions.WALLET, TestSessions.grantSiwe().uri(
                TestSessions.SESSION_KEY.uri()).expiration(expiration).resources(List.of(DECRYPT)).build());
        AuthSig session = new SessionSigIssuer(TestSessions.CLOCK).issue(TestSessions.SESSION_KEY, List.of(DECRYPT),
                List.of(grant), expiration, List.of(TestSessions.NODE_URL)).forNode(TestSessions.NODE_URL)
                .orElseThrow().toAuthSig();
        assertEquals(TestSessions.WALLET.address(), GATE.authorize(Optional.of(session.toJson()), DECRYPT));
    }

    @Test
    void anAddressFieldOtherThanTheSignerIsRefused() {
        AuthSig signed = wallet(login());
        AuthSig claimed = AuthSig.of(signed.sig(), signed.derivedVia(), signed.signedMessage(),
                TestSessions.OTHER_WALLET.address().toChecksumString(), signed.algo());
        assertEquals(LitErrorCode.NodeInvalidAuthSig, refused(claimed.toJson()));
    }

    @Test
    void eachRefusalHasItsCode() {
        assertEquals(LitErrorCode.NodeInvalidAuthSig, refused(null));
        assertEquals(LitErrorCode.NodeInvalidAuthSig, refused(JsonValue.JsonNull.INSTANCE));
        assertEquals(LitErrorCode.NodeInvalidMultipleAuthSigs, refused(JsonValue.object()
                .put("ethereum", wallet(login()).toJson()).build()));
        assertEquals(LitErrorCode.NodeAuthSigNotSupported, refused(TestCapabilities.network(
                TestCapabilities.popJson(1)).toJson()));
        assertEquals(LitErrorCode.NodeInvalidAuthSig, refused(wallet(login().uri(TestSessions.SESSION_KEY.uri()))
                .toJson()));
        assertEquals(LitErrorCode.NodeUndefinedSiweExpiration, refused(AuthSigs.generate(TestSessions.WALLET,
                login().clock(TestSessions.CLOCK).render().replaceAll("\nExpiration Time: [^\n]*", "")).toJson()));
    }

    @Test
    void walletTimeRulesHoldToTheSecond() {
        Instant now = TestSessions.NOW;
        LitSiweBuilder late = login().issuedAt(now.minus(Duration.ofMinutes(5))).expiration(now.minusSeconds(60));
        assertEquals(TestSessions.WALLET.address(), GATE.authorize(Optional.of(wallet(late).toJson()), DECRYPT));
        LitSiweBuilder expired = login().issuedAt(now.minus(Duration.ofMinutes(5))).expiration(now.minusSeconds(61));
        assertEquals(LitErrorCode.NodeExpWrongOrTooLarge, refused(wallet(expired).toJson()));
        LitSiweBuilder future = login().issuedAt(now.plusSeconds(61));
        assertEquals(LitErrorCode.NodeIatOutsideGracePeriod, refused(wallet(future).toJson()));
    }
}
