package io.litj.node.auth;

import static io.litj.node.auth.SessionKeyFixture.STRANGER;
import static io.litj.node.auth.SessionKeyFixture.WALLET;
import static io.litj.node.auth.SessionKeyFixture.hex0x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthMethodsCheck} inside {@link SessionKeyAuthorizer}: one refusal per code of the EthWallet auth method
 * ({@code lit-node-behaviour.md} §3.1 step 2, §3.2) and of unsupported types, each naming the check.
 */
class AuthMethodsCheckTest extends SharedAuthorizer {
    @Test
    void authorize_unsupportedAuthMethodType_refusedWithNodeAuthSigNotSupported() {
        SessionKeyRequest r = wallet(net.sessionSiwe().render());
        LitNodeException e = refused(LitErrorCode.NodeAuthSigNotSupported, new SessionKeyRequest(r.sessionKey(),
                List.of(new SessionKeyRequest.AuthMethod(6, "google-jwt")), r.pkpPublicKey(), r.siweMessage(),
                r.litActionCode(), r.litActionIpfsId(), r.jsParams(), Map.of()));
        assertTrue(e.getMessage().startsWith("authMethods[0] has authMethodType 6, which this network does not"),
                e.getMessage());
    }

    @Test
    void authorize_walletTokenNotAnAuthSig_refusedWithNodeInvalidAuthSig() {
        refused(LitErrorCode.NodeInvalidAuthSig, withToken("not json"));
        AuthSig good = AuthSig.parse(net.walletToken(), LitErrorCode.NodeBadInput);
        refused(LitErrorCode.NodeInvalidAuthSig, withToken(net.walletToken().replace("}", ",\"extra\":\"x\"}")));
        refused(LitErrorCode.NodeInvalidAuthSig, withToken(AuthSig.of(good.sig(), AuthSig.SESSION_DERIVED_VIA,
                good.signedMessage(), good.address(), Optional.of(AuthSig.SESSION_ALGO)).toJsonString()));
    }

    @Test
    void authorize_walletTokenUnsigned_refusedWithNodeSIWESigConversionError() {
        AuthSig good = AuthSig.parse(net.walletToken(), LitErrorCode.NodeBadInput);
        refused(LitErrorCode.NodeSIWESigConversionError, withToken(AuthSig.of("0x", good.derivedVia(),
                good.signedMessage(), good.address(), Optional.empty()).toJsonString()));
    }

    @Test
    void authorize_walletTokenSignedByAnotherKey_refusedWithNodeInvalidAuthSig() {
        String login = net.walletLogin().render();
        String forged = AuthSig.of(STRANGER.signPersonalMessage(login).toHex(), AuthSig.WALLET_DERIVED_VIA, login,
                WALLET.address().toChecksumString(), Optional.empty()).toJsonString();
        LitNodeException e = refused(LitErrorCode.NodeInvalidAuthSig, withToken(forged));
        assertEquals("authMethods[0] signature recovers to " + STRANGER.address() + " but its address is "
                + WALLET.address(), e.getMessage());

        String honestAboutSigner = AuthSig.of(STRANGER.signPersonalMessage(login).toHex(), AuthSig.WALLET_DERIVED_VIA,
                login, STRANGER.address().toLowerHex(), Optional.empty()).toJsonString();
        refused(LitErrorCode.NodeInvalidAuthSig, withToken(honestAboutSigner));
    }

    @Test
    void authorize_walletLoginExpired_refusedWithNodeExpWrongOrTooLarge() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .issuedAt(net.clock.instant().minus(Duration.ofHours(2)))
                .expiration(net.clock.instant().minusSeconds(61)).build());
        refused(LitErrorCode.NodeExpWrongOrTooLarge, withToken(token));
    }

    @Test
    void authorize_walletLoginThatIsASessionGrant_refusedWithNodeInvalidAuthSig() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .uri(SessionKeyFixture.SESSION_KEY.uri()).build());
        refused(LitErrorCode.NodeInvalidAuthSig, withToken(token));
    }

    @Test
    void authorize_walletLoginNonceNotABlock_refusedWithNodeInvalidBlockhash() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin().build().toBuilder()
                .nonce("0x" + "42".repeat(32)).build());
        refused(LitErrorCode.NodeInvalidBlockhash, withToken(token));
    }

    @Test
    void authorize_walletLoginNotBeforeInTheFuture_refusedWithNodeSIWEMessageError() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin().build().toBuilder()
                .notBefore("2026-03-01T12:05:00Z").build());
        refused(LitErrorCode.NodeSIWEMessageError, withToken(token));
    }

    @Test
    void authorize_walletLoginIssuedInTheFuture_refusedWithNodeIatOutsideGracePeriod() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .issuedAt(net.clock.instant().plusSeconds(61)).build());
        refused(LitErrorCode.NodeIatOutsideGracePeriod, withToken(token));
    }

    @Test
    void authorize_walletLoginIssuedMoreThan10MinutesAgo_refusedWithNodeIatOutsideGracePeriod() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .issuedAt(net.clock.instant().minus(Duration.ofMinutes(10)).minusSeconds(1)).build());

        LitNodeException e = refused(LitErrorCode.NodeIatOutsideGracePeriod, withToken(token));

        assertEquals("authMethods[0] SIWE issuedAt 2026-03-01T11:49:59.000Z is more than 600 s before now "
                + "2026-03-01T12:00:00.000Z: a login must be recent", e.getMessage());
    }

    @Test
    void authorize_walletLoginIssuedExactly10MinutesAgoOrLater_accepted() {
        for (long age : new long[] {600, 599, 0}) {
            String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                    .issuedAt(net.clock.instant().minusSeconds(age)).build());

            SessionKeyGrant grant = authorizer.authorize(withToken(token));

            assertEquals(1, grant.authContext().authMethodContexts().size());
        }
    }

    @Test
    void authorize_nodeWithAFiveMinuteLoginAge_acceptsALoginExactlyThatOld_andRefusesOneSecondOlder() {
        SessionKeyAuthorizer strict = new SessionKeyAuthorizer(net.registry, runtime, net.clock,
                LoginLimits.defaults().withMaxLoginAge(Duration.ofMinutes(5)));
        String fiveMinutes = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .issuedAt(net.clock.instant().minusSeconds(300)).build());
        String older = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .issuedAt(net.clock.instant().minusSeconds(301)).build());

        strict.authorize(withToken(fiveMinutes));
        SessionKeyFixture.assertRefused(strict, LitErrorCode.NodeIatOutsideGracePeriod, "AuthMethodsCheck",
                withToken(older));
    }

    @Test
    void authorize_walletLoginWithoutExpiration_refusedWithNodeUndefinedSiweExpiration() {
        String token = SessionKeyFixture.accessToken(WALLET, net.walletLogin().build().toBuilder()
                .expirationTime((String) null).build());
        refused(LitErrorCode.NodeUndefinedSiweExpiration, withToken(token));
    }

    @Test
    void authorize_secondAuthMethodUnsupported_refusedNamingItsIndex() {
        SessionKeyRequest r = wallet(net.sessionSiwe().render());
        LitNodeException e = refused(LitErrorCode.NodeAuthSigNotSupported, new SessionKeyRequest(r.sessionKey(),
                List.of(r.authMethods().get(0), new SessionKeyRequest.AuthMethod(2, "webauthn")), r.pkpPublicKey(),
                r.siweMessage(), r.litActionCode(), r.litActionIpfsId(), r.jsParams(), Map.of()));
        assertTrue(e.getMessage().startsWith("authMethods[1] has authMethodType 2"), e.getMessage());
    }

    private static LitNodeException refused(LitErrorCode code, SessionKeyRequest request) {
        return SessionKeyFixture.assertRefused(authorizer, code, "AuthMethodsCheck", request);
    }

    private static SessionKeyRequest wallet(String siwe) {
        return net.walletRequest(net.walletToken(), Optional.of(hex0x(net.pkpKey)), siwe);
    }

    private static SessionKeyRequest withToken(String token) {
        return net.walletRequest(token, Optional.of(hex0x(net.pkpKey)), net.sessionSiwe().render());
    }
}
