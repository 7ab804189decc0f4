package io.litj.node.auth;

import static io.litj.node.auth.SessionKeyFixture.WALLET;
import static io.litj.node.auth.SessionKeyFixture.hex0x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionException;
import io.litj.node.actions.IpfsCid;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.siwe.SiweRenderer;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionKeyAuthorizer}: what the network signs for a valid request, the order of its checks (pinned to the
 * table in {@code docs/pkp-sessions.md}), and a refusal per check and code ({@code lit-node-behaviour.md}
 * §3.1–3.3) naming that check, against a real registry and Lit Action runtime. The auth-method refusals are in
 * {@link AuthMethodsCheckTest}.
 */
class SessionKeyAuthorizerTest extends SharedAuthorizer {
    @Test
    void checks_runInTheOrderAndWithTheCodesOfTheTableInPkpSessionsMd() throws IOException {
        List<CheckTables.Row> rows = CheckTables.rows("pkp-sessions.md");
        List<String> names = rows.stream().map(CheckTables.Row::check).toList();
        List<Set<LitErrorCode>> codes = rows.stream().map(CheckTables.Row::codes).toList();

        assertEquals(List.of("SessionKeyFormatCheck", "AuthMethodsLimitCheck", "ActionSourceCheck",
                "RequestSiweParseCheck", "AuthMethodsCheck", "PkpLookupCheck", "RequestSiweUriCheck",
                "RequestSiweTimeCheck", "RequestSiweNonceCheck", "RequestRecapCheck", "PkpPermissionCheck",
                "LoginReplayCheck", "LitActionCheck"), names);
        assertEquals(names, authorizer.checks().stream().map(SessionKeyCheck::name).toList());
        assertEquals(codes, authorizer.checks().stream().map(SessionKeyCheck::codes).toList());
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
    void authorize_walletNotPermittedOnThePkp_refusedWithNodePKPNotAuthorizedNamingTheCheckFirstInDetails() {
        LitNodeException e = refused(LitErrorCode.NodePKPNotAuthorized, "PkpPermissionCheck", net.walletRequest(
                net.walletToken(), Optional.of(hex0x(net.strangerPkpKey)),
                net.sessionSiwe(net.strangerPkpKey).render()));

        assertEquals(List.of("PkpPermissionCheck: " + e.getMessage()), e.details());
        LitNodeException cause = assertInstanceOf(LitNodeException.class, e.getCause());
        assertEquals(e.getMessage(), cause.getMessage());
        assertEquals(List.of(), cause.details());
    }

    @Test
    void authorize_sessionKeyNotALitSessionUri_refusedWithNodeBadInput() {
        SessionKeyRequest r = net.walletRequest(net.walletToken(), Optional.of(hex0x(net.pkpKey)),
                net.sessionSiwe().uri("lit:capability:delegation").render());
        LitNodeException e = refused(LitErrorCode.NodeBadInput, "SessionKeyFormatCheck", new SessionKeyRequest(
                "lit:capability:delegation", r.authMethods(), r.pkpPublicKey(), r.siweMessage(), r.litActionCode(),
                r.litActionIpfsId(), r.jsParams(), Map.of()));
        assertEquals("sessionKey must be lit:session:<64 hex> but is 'lit:capability:delegation'", e.getMessage());
    }

    @Test
    void authorize_codeAndIpfsIdOrIpfsIdAlone_refusedWithNodeInvalidIPFSID() {
        SessionKeyRequest action = net.actionRequest(SessionKeyFixture.TRUE_ACTION);
        refused(LitErrorCode.NodeInvalidIPFSID, "ActionSourceCheck", withAction(action, action.litActionCode(),
                Optional.of(SessionKeyFixture.TRUE_ACTION_CID)));
        refused(LitErrorCode.NodeInvalidIPFSID, "ActionSourceCheck", withAction(action, Optional.empty(),
                Optional.of(SessionKeyFixture.TRUE_ACTION_CID)));
    }

    @Test
    void authorize_siweNotParseable_refusedWithNodeSIWEMessageError() {
        String lowercaseAddress = net.sessionSiwe().render().replace(net.pkp.ethAddress(),
                net.pkp.ethAddress().toLowerCase());
        refused(LitErrorCode.NodeSIWEMessageError, "RequestSiweParseCheck", wallet(lowercaseAddress));
        refused(LitErrorCode.NodeSIWEMessageError, "RequestSiweParseCheck", wallet("hello"));
    }

    @Test
    void authorize_statementMentioningResolvedAuthContext_refusedWithNodeInvalidAuthContextResource() {
        refused(LitErrorCode.NodeInvalidAuthContextResource, "RequestSiweParseCheck",
                wallet(net.sessionSiwe().statement("Give me lit-resolvedauthcontext://* please").render()));
    }

    @Test
    void authorize_pkpPublicKeyNotTheSiweAddress_refusedWithNodeSIWEMessageError() {
        refused(LitErrorCode.NodeSIWEMessageError, "PkpLookupCheck", net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.strangerPkpKey)), net.sessionSiwe().render()));
    }

    @Test
    void authorize_pkpPublicKeyMalformed_refusedWithNodeBadInput() {
        refused(LitErrorCode.NodeBadInput, "PkpLookupCheck", net.walletRequest(net.walletToken(),
                Optional.of("0x04abc"), net.sessionSiwe().render()));
        refused(LitErrorCode.NodeBadInput, "PkpLookupCheck", net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.pkpKey).replace("0x04", "0x02")), net.sessionSiwe().render()));
    }

    @Test
    void authorize_unknownPkp_refusedWithNodePKPTokenIdNotFound() {
        refused(LitErrorCode.NodePKPTokenIdNotFound, "PkpLookupCheck", net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.unknownPkpKey)), net.sessionSiwe(net.unknownPkpKey).render()));
    }

    @Test
    void authorize_noPkpPublicKeyAndNoPkpPermittingTheWallet_refusedWithNodePKPTokenIdNotFound() {
        PrivateKeyEthSigner nobody = PrivateKeyEthSigner.fromHex("0x" + "11".repeat(32));
        String token = SessionKeyFixture.accessToken(nobody, net.walletLogin().build().toBuilder()
                .address(nobody.address().toChecksumString()).build());
        refused(LitErrorCode.NodePKPTokenIdNotFound, "PkpLookupCheck", net.walletRequest(token, Optional.empty(),
                net.sessionSiwe().render()));
        SessionKeyRequest action = net.actionRequest(SessionKeyFixture.TRUE_ACTION);
        refused(LitErrorCode.NodePKPTokenIdNotFound, "PkpLookupCheck", new SessionKeyRequest(action.sessionKey(),
                List.of(), Optional.empty(), action.siweMessage(), action.litActionCode(), Optional.empty(),
                action.jsParams(), Map.of()));
    }

    @Test
    void authorize_siweUriNotTheSessionKey_refusedWithNodeSIWEMessageError() {
        refused(LitErrorCode.NodeSIWEMessageError, "RequestSiweUriCheck", wallet(net.sessionSiwe()
                .uri(TestSessions.OTHER_SESSION_KEY.uri()).render()));
    }

    @Test
    void authorize_siweWithoutExpiration_refusedWithNodeUndefinedSiweExpiration() {
        refused(LitErrorCode.NodeUndefinedSiweExpiration, "RequestSiweTimeCheck", wallet(SiweRenderer.render(
                net.sessionSiwe().build().toBuilder().expirationTime((String) null).build())));
    }

    @Test
    void authorize_siweLivingLongerThan30Days_refusedWithNodeSIWEMessageError() {
        refused(LitErrorCode.NodeSIWEMessageError, "RequestSiweTimeCheck", wallet(net.sessionSiwe()
                .expiration(net.clock.instant().plus(Duration.ofDays(31))).render()));
    }

    @Test
    void authorize_siweIssuedInTheFuture_refusedWithNodeIatOutsideGracePeriod() {
        refused(LitErrorCode.NodeIatOutsideGracePeriod, "RequestSiweTimeCheck", wallet(net.sessionSiwe()
                .issuedAt(net.clock.instant().plusSeconds(61)).render()));
    }

    @Test
    void authorize_siweExpiredMoreThan60sAgo_refusedWithNodeExpWrongOrTooLarge() {
        refused(LitErrorCode.NodeExpWrongOrTooLarge, "RequestSiweTimeCheck", wallet(net.sessionSiwe()
                .issuedAt(net.clock.instant().minus(Duration.ofHours(2)))
                .expiration(net.clock.instant().minusSeconds(61)).render()));
    }

    @Test
    void authorize_siweNonceNotARecentBlock_refusedWithNodeInvalidBlockhash() {
        refused(LitErrorCode.NodeInvalidBlockhash, "RequestSiweNonceCheck",
                wallet(siweWithNonce("0x" + "99".repeat(32))));
        refused(LitErrorCode.NodeInvalidBlockhash, "RequestSiweNonceCheck", wallet(siweWithNonce(net.oldBlock.hash())));
    }

    @Test
    void authorize_siweWithoutRecap_refusedWithNodeSIWECapabilityInvalid() {
        refused(LitErrorCode.NodeSIWECapabilityInvalid, "RequestRecapCheck",
                wallet(net.sessionSiwe().resources(List.of()).render()));
    }

    @Test
    void requestRecapCheck_recapGrantingResolvedAuthContext_refusedWithNodeInvalidAuthContextResource() {
        Recap sneaky = Recap.empty().withAttenuation("lit-resolvedauthcontext://*", "Auth", "Auth",
                JsonValue.JsonObject.empty());
        SiweMessage siwe = net.sessionSiwe().build().toBuilder().statement("Hi " + sneaky.statement())
                .resources(List.of(sneaky.toUrn())).build();
        // through the authorizer the statement, which must end with the ReCap's, already mentions the resource
        refused(LitErrorCode.NodeInvalidAuthContextResource, "RequestSiweParseCheck",
                wallet(SiweRenderer.render(siwe)));
        SessionKeyState state = new SessionKeyState(wallet(SiweRenderer.render(siwe)));
        state.siwe = siwe;
        RequestRecapCheck check = new RequestRecapCheck();

        LitNodeException e = assertThrows(LitNodeException.class, () -> check.check(state));

        assertEquals(LitErrorCode.NodeInvalidAuthContextResource, e.code());
        assertTrue(check.codes().contains(e.code()));
    }

    @Test
    void authorize_litActionAnsweringFalse_refusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        String code = "LitActions.setResponse({response: 'false'});";

        LitNodeException e = refused(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed, "LitActionCheck",
                net.walletAndActionRequest(code));

        assertEquals("Lit Action " + IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8)) + " did not authorize the "
                + "session: its response must be \"true\" but is another value of 5 characters", e.getMessage());
    }

    @Test
    void authorize_litActionAnsweringUntrue_refusedWithNodeLitActionsSessionSigAuthenticationFailed() {
        refused(LitErrorCode.NodeLitActionsSessionSigAuthenticationFailed, "LitActionCheck",
                net.walletAndActionRequest("LitActions.setResponse({response: 'untrue'});"));
    }

    @Test
    void authorize_litActionThatThrows_refusedWithNodeJsExecutionErrorAsAnActionExceptionWithItsLogs() {
        LitNodeException e = refused(LitErrorCode.NodeJsExecutionError, "LitActionCheck",
                net.walletAndActionRequest("console.log('before'); throw new Error('no');"));

        ActionException action = assertInstanceOf(ActionException.class, e);
        assertTrue(action.logs().contains("before"), action::logs);
        assertSame(ActionException.class, e.getCause().getClass());
    }

    @Test
    void authorize_trueActionWhoseCidIsNotPermitted_refusedWithNodePKPNotAuthorized() {
        refused(LitErrorCode.NodePKPNotAuthorized, "PkpPermissionCheck",
                net.actionRequest("LitActions.setResponse({response: 'true'});"));
    }

    @Test
    void authorize_loginExpiringBeforeTheRequestedSession_grantExpiresWithTheLogin() {
        String login = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .expiration(net.clock.instant().plusSeconds(60)).build());
        String template = net.sessionSiwe().expiration(net.clock.instant().plus(Duration.ofDays(30))).render();

        SessionKeyGrant grant = authorizer.authorize(net.walletRequest(login, Optional.of(hex0x(net.pkpKey)),
                template));

        assertEquals(Optional.of("2026-03-01T12:01:00.000Z"), SiweParser.parse(grant.siweMessage()).expirationTime());
    }

    @Test
    void authorize_twoLogins_grantExpiresWithTheEarlierLogin() {
        String hour = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .expiration(net.clock.instant().plus(Duration.ofHours(1))).build());
        String minutes = SessionKeyFixture.accessToken(WALLET, net.walletLogin().issuedAt(net.clock.instant()
                .minusSeconds(1)).expiration(net.clock.instant().plus(Duration.ofMinutes(5))).build());

        SessionKeyGrant grant = authorizer.authorize(net.walletRequest(SessionKeyFixture.SESSION_KEY,
                List.of(hour, minutes)));

        assertEquals(Optional.of("2026-03-01T12:05:00.000Z"), SiweParser.parse(grant.siweMessage()).expirationTime());
    }

    @Test
    void authorize_walletPermittedWithoutScope_refusedWithNodeAuthSigScopeTooLimited() {
        refused(LitErrorCode.NodeAuthSigScopeTooLimited, "PkpPermissionCheck", net.walletRequest(net.walletToken(),
                Optional.of(hex0x(net.scopelessPkpKey)), net.sessionSiwe(net.scopelessPkpKey).render()));
    }

    private static LitNodeException refused(LitErrorCode code, String check, SessionKeyRequest request) {
        return SessionKeyFixture.assertRefused(authorizer, code, check, request);
    }

    private static SessionKeyRequest wallet(String siwe) {
        return net.walletRequest(net.walletToken(), Optional.of(hex0x(net.pkpKey)), siwe);
    }

    private static String siweWithNonce(String nonce) {
        return SiweRenderer.render(net.sessionSiwe().build().toBuilder().nonce(nonce).build());
    }

    private static SessionKeyRequest withAction(SessionKeyRequest r, Optional<String> code, Optional<String> cid) {
        return new SessionKeyRequest(r.sessionKey(), r.authMethods(), r.pkpPublicKey(), r.siweMessage(), code, cid,
                r.jsParams(), r.headers());
    }
}
