package io.litj.node.auth;

import static io.litj.node.auth.SessionKeyFixture.STRANGER;
import static io.litj.node.auth.SessionKeyFixture.WALLET;
import static io.litj.node.auth.SessionKeyFixture.hex0x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.actions.IpfsCid;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.TestSessions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionKeyAuthorizer}: what the network signs for a valid request, and one refusal per check and code
 * ({@code lit-node-behaviour.md} §3.1–3.3), against a real registry and Lit Action runtime.
 */
class SessionKeyAuthorizerTest {
    private static SessionKeyFixture net;
    private static ActionRuntime runtime;
    private static SessionKeyAuthorizer authorizer;

    @BeforeAll
    static void network() {
        net = SessionKeyFixture.create();
        runtime = SessionKeyFixture.runtime();
        authorizer = new SessionKeyAuthorizer(net.registry, runtime, net.clock);
    }

    @AfterAll
    static void close() {
        runtime.close();
        net.close();
    }

    @AfterEach
    void resetClock() {
        net.clock.set(SessionKeyFixture.NOW);
    }

    @Test
    void authorize_permittedWallet_signsTheTemplateForThePkpDatedByItsNonceBlockWithTheAuthContext() {
        SiweMessage template = net.sessionSiwe().build();

        SessionKeyGrant grant = authorizer.authorize(net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.pkpKey)), SiweRenderer.render(template)));

        SiweMessage signed = SiweParser.parse(grant.siweMessage());
        assertEquals(net.pkp, grant.pkp());
        assertEquals(net.pkp.ethAddress(), signed.address());
        assertEquals(net.block.hash(), signed.nonce());
        assertEquals("2026-03-01T11:59:48Z", signed.issuedAt());
        assertEquals(template.toBuilder().address(signed.address()).issuedAt(signed.issuedAt())
                .statement(signed.statement().orElseThrow()).resources(signed.resources()).build(), signed);
        Recap merged = RecapCodec.decode(signed.resources().get(0));
        assertEquals(template.statement().orElseThrow() + " " + merged.statement(), signed.statement().orElseThrow());
        String context = "{\"actionIpfsIds\":[],\"authMethodContexts\":[{\"userId\":\"" + WALLET.address()
                + "\",\"appId\":\"lit\",\"authMethodType\":1,\"usedForSignSessionKeyRequest\":true}],"
                + "\"authSigAddress\":null,\"customAuthResource\":\"\",\"resources\":[]}";
        assertEquals(List.of(JsonValue.object().put("auth_context", grant.authContext().toJson()).build()),
                merged.abilitiesOn("lit-resolvedauthcontext://*").orElseThrow().get("Auth/Auth"));
        assertEquals(context, JsJson.stringify(grant.authContext().toJson()));
        assertEquals(List.of("lit-litaction://*", "lit-pkp://*", "lit-resolvedauthcontext://*"),
                List.copyOf(merged.attenuations().keySet()));
    }

    @Test
    void authorize_sameRequestLaterOrOnAnotherNode_givesTheSameBytes() {
        SessionKeyRequest request = net.walletRequest(net.walletToken(), Optional.of(hex0x(net.pkpKey)),
                net.sessionSiwe().render());
        String first = authorizer.authorize(request).siweMessage();

        net.clock.advance(Duration.ofSeconds(41));
        String later = new SessionKeyAuthorizer(net.registry, runtime, net.clock).authorize(request).siweMessage();

        assertEquals(first, later);
    }

    @Test
    void authorize_nonceOfABlockWithFractionalTime_issuedAtInWholeSeconds() {
        SessionKeyGrant grant = authorizer.authorize(net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.pkpKey)), siweWithNonce(net.fractionalBlock.hash())));

        assertEquals("2026-03-01T11:00:00Z", SiweParser.parse(grant.siweMessage()).issuedAt());
    }

    @Test
    void authorize_withoutPkpPublicKey_usesTheOldestPkpPermittingTheWallet() {
        SessionKeyGrant grant = authorizer.authorize(net.walletRequest(net.walletToken(), Optional.empty(),
                net.sessionSiwe().render()));

        assertEquals(net.pkp.tokenId(), grant.pkp().tokenId());
    }

    @Test
    void authorize_litActionAnsweringTrueWhosCidIsPermitted_grantsWithTheCidAndResponse() {
        SessionKeyGrant grant = authorizer.authorize(net.actionRequest(SessionKeyFixture.TRUE_ACTION));

        assertEquals(List.of(SessionKeyFixture.TRUE_ACTION_CID), grant.authContext().actionIpfsIds());
        assertEquals("true", grant.authContext().customAuthResource());
        assertTrue(grant.siweMessage().contains("lit-resolvedauthcontext"));
    }

    @Test
    void authorize_litActionAnsweringFalse_refusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        String code = "LitActions.setResponse({response: 'false'});";

        LitNodeException e = refused(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed,
                net.actionRequest(code));

        assertEquals("Lit Action " + IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8)) + " did not authorize the "
                + "session: its response must be \"true\" but is another value of 5 characters", e.getMessage());
    }

    @Test
    void authorize_litActionAnsweringUntrue_refusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        refused(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed,
                net.actionRequest("LitActions.setResponse({response: 'untrue'});"));
    }

    @Test
    void authorize_litActionThatThrows_refusedWithNodeJsExecutionError() {
        refused(LitErrorCode.NodeJsExecutionError, net.actionRequest("throw new Error('no');"));
    }

    @Test
    void authorize_trueActionWhoseCidIsNotPermitted_refusedWithNodePKPNotAuthorized() {
        refused(LitErrorCode.NodePKPNotAuthorized, net.actionRequest("LitActions.setResponse({response: 'true'});"));
    }

    @Test
    void authorize_codeAndIpfsIdOrIpfsIdAlone_refusedWithNodeInvalidIPFSID() {
        SessionKeyRequest action = net.actionRequest(SessionKeyFixture.TRUE_ACTION);
        refused(LitErrorCode.NodeInvalidIPFSID, withAction(action, action.litActionCode(),
                Optional.of(SessionKeyFixture.TRUE_ACTION_CID)));
        refused(LitErrorCode.NodeInvalidIPFSID, withAction(action, Optional.empty(),
                Optional.of(SessionKeyFixture.TRUE_ACTION_CID)));
    }

    @Test
    void authorize_walletNotPermittedOnThePkp_refusedWithNodePKPNotAuthorized() {
        refused(LitErrorCode.NodePKPNotAuthorized, net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.strangerPkpKey)), net.sessionSiwe(net.strangerPkpKey).render()));
    }

    @Test
    void authorize_walletPermittedWithoutScope_refusedWithNodeAuthSigScopeTooLimited() {
        refused(LitErrorCode.NodeAuthSigScopeTooLimited, net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.scopelessPkpKey)), net.sessionSiwe(net.scopelessPkpKey).render()));
    }

    @Test
    void authorize_sessionKeyNotALitSessionUri_refusedWithNodeBadInput() {
        SessionKeyRequest r = net.walletRequest(net.walletToken(), Optional.of(hex0x(net.pkpKey)),
                net.sessionSiwe().uri("lit:capability:delegation").render());
        refused(LitErrorCode.NodeBadInput, new SessionKeyRequest("lit:capability:delegation", r.authMethods(),
                r.pkpPublicKey(), r.siweMessage(), r.litActionCode(), r.litActionIpfsId(), r.jsParams(), Map.of()));
    }

    @Test
    void authorize_siweNotParseable_refusedWithNodeSIWEMessageError() {
        String lowercaseAddress = net.sessionSiwe().render().replace(net.pkp.ethAddress(),
                net.pkp.ethAddress().toLowerCase());
        refused(LitErrorCode.NodeSIWEMessageError, wallet(lowercaseAddress));
        refused(LitErrorCode.NodeSIWEMessageError, wallet("hello"));
    }

    @Test
    void authorize_statementMentioningResolvedAuthContext_refusedWithNodeInvalidAuthContextResource() {
        refused(LitErrorCode.NodeInvalidAuthContextResource,
                wallet(net.sessionSiwe().statement("Give me lit-resolvedauthcontext://* please").render()));
    }

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
    void authorize_pkpPublicKeyNotTheSiweAddress_refusedWithNodeSIWEMessageError() {
        refused(LitErrorCode.NodeSIWEMessageError, net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.strangerPkpKey)), net.sessionSiwe().render()));
    }

    @Test
    void authorize_pkpPublicKeyMalformed_refusedWithNodeBadInput() {
        refused(LitErrorCode.NodeBadInput, net.walletRequest(net.walletToken(), Optional.of("0x04abc"),
                net.sessionSiwe().render()));
        refused(LitErrorCode.NodeBadInput, net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.pkpKey).replace("0x04", "0x02")), net.sessionSiwe().render()));
    }

    @Test
    void authorize_unknownPkp_refusedWithNodePKPTokenIdNotFound() {
        refused(LitErrorCode.NodePKPTokenIdNotFound, net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.unknownPkpKey)), net.sessionSiwe(net.unknownPkpKey).render()));
    }

    @Test
    void authorize_noPkpPublicKeyAndNoPkpPermittingTheWallet_refusedWithNodePKPTokenIdNotFound() {
        PrivateKeyEthSigner nobody = PrivateKeyEthSigner.fromHex("0x" + "11".repeat(32));
        String token = SessionKeyFixture.accessToken(nobody, net.walletLogin().build().toBuilder()
                .address(nobody.address().toChecksumString()).build());
        refused(LitErrorCode.NodePKPTokenIdNotFound, net.walletRequest(token, Optional.empty(),
                net.sessionSiwe().render()));
        SessionKeyRequest action = net.actionRequest(SessionKeyFixture.TRUE_ACTION);
        refused(LitErrorCode.NodePKPTokenIdNotFound, new SessionKeyRequest(action.sessionKey(), List.of(),
                Optional.empty(), action.siweMessage(), action.litActionCode(), Optional.empty(), action.jsParams(),
                Map.of()));
    }

    @Test
    void authorize_siweUriNotTheSessionKey_refusedWithNodeSIWEMessageError() {
        refused(LitErrorCode.NodeSIWEMessageError, wallet(net.sessionSiwe()
                .uri(TestSessions.OTHER_SESSION_KEY.uri()).render()));
    }

    @Test
    void authorize_siweWithoutExpiration_refusedWithNodeUndefinedSiweExpiration() {
        refused(LitErrorCode.NodeUndefinedSiweExpiration, wallet(SiweRenderer.render(net.sessionSiwe().build()
                .toBuilder().expirationTime((String) null).build())));
    }

    @Test
    void authorize_siweLivingLongerThan30Days_refusedWithNodeSIWEMessageError() {
        refused(LitErrorCode.NodeSIWEMessageError, wallet(net.sessionSiwe()
                .expiration(net.clock.instant().plus(Duration.ofDays(31))).render()));
    }

    @Test
    void authorize_siweIssuedInTheFuture_refusedWithNodeIatOutsideGracePeriod() {
        refused(LitErrorCode.NodeIatOutsideGracePeriod, wallet(net.sessionSiwe()
                .issuedAt(net.clock.instant().plusSeconds(61)).render()));
    }

    @Test
    void authorize_siweNonceNotARecentBlock_refusedWithNodeInvalidBlockhash() {
        refused(LitErrorCode.NodeInvalidBlockhash, wallet(siweWithNonce("0x" + "99".repeat(32))));
        refused(LitErrorCode.NodeInvalidBlockhash, wallet(siweWithNonce(net.oldBlock.hash())));
    }

    @Test
    void authorize_siweWithoutRecap_refusedWithNodeSIWECapabilityInvalid() {
        refused(LitErrorCode.NodeSIWECapabilityInvalid, wallet(net.sessionSiwe().resources(List.of()).render()));
    }

    private static LitNodeException refused(LitErrorCode code, SessionKeyRequest request) {
        LitNodeException e = assertThrows(LitNodeException.class, () -> authorizer.authorize(request));
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    private static SessionKeyRequest wallet(String siwe) {
        return net.walletRequest(net.walletToken(), Optional.of(hex0x(net.pkpKey)), siwe);
    }

    private static SessionKeyRequest withToken(String token) {
        return net.walletRequest(token, Optional.of(hex0x(net.pkpKey)), net.sessionSiwe().render());
    }

    private static String siweWithNonce(String nonce) {
        return SiweRenderer.render(net.sessionSiwe().build().toBuilder().nonce(nonce).build());
    }

    private static SessionKeyRequest withAction(SessionKeyRequest r, Optional<String> code, Optional<String> cid) {
        return new SessionKeyRequest(r.sessionKey(), r.authMethods(), r.pkpPublicKey(), r.siweMessage(), code, cid,
                r.jsParams(), r.headers());
    }
}
