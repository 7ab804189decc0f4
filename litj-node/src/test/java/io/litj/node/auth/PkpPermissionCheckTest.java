package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link PkpPermissionCheck}: a matching permission with scope 2 or 1, else the two refusal codes; and, inside
 * {@link SessionKeyAuthorizer}, that it runs before the Lit Action, so an action the PKP does not permit never runs.
 */
class PkpPermissionCheckTest {
    private static final String WALLET = SessionKeyFixture.WALLET.address().toChecksumString();
    private static final String CID = SessionKeyFixture.TRUE_ACTION_CID;
    private static final byte[] KEY = SessionKeyFixture.publicKey(
            "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    @Test
    void require_walletPermittedWithPersonalSignOrSignAnything_passes_whateverTheAddressCase() {
        for (int scope : List.of(PkpPermission.SCOPE_PERSONAL_SIGN, PkpPermission.SCOPE_SIGN_ANYTHING)) {
            PkpPermissionCheck.require(pkp(new PkpPermission(1, WALLET.toLowerCase(), Set.of(scope))), wallet());
            PkpPermissionCheck.require(pkp(new PkpPermission(1, WALLET, Set.of(scope))), wallet());
        }
    }

    @Test
    void require_walletPermittedByItsHashedId_passesForLowercaseOrChecksumHash_andNotForAnotherWallet() {
        String checksumHash = "0x" + io.litj.protocol.crypto.Hex.encode(
                io.litj.protocol.crypto.Hashes.keccak256(WALLET + ":lit"));
        String lowercaseHash = "0x" + io.litj.protocol.crypto.Hex.encode(
                io.litj.protocol.crypto.Hashes.keccak256(WALLET.toLowerCase() + ":lit"));
        for (String id : List.of(checksumHash, lowercaseHash)) {
            PkpPermissionCheck.require(pkp(new PkpPermission(1, id, Set.of(PkpPermission.SCOPE_SIGN_ANYTHING))),
                    wallet());
        }
        String strangerHash = PkpPermission.hashedWalletId(SessionKeyFixture.STRANGER.address().toChecksumString());
        assertEquals(LitErrorCode.NodePKPNotAuthorized, assertThrows(LitNodeException.class,
                () -> PkpPermissionCheck.require(pkp(new PkpPermission(1, strangerHash, Set.of(1))), wallet()))
                .code());
    }

    @Test
    void require_actionCidPermitted_passesOnlyForAContextThatRanThatAction() {
        Pkp permitsAction = pkp(new PkpPermission(2, CID, Set.of(PkpPermission.SCOPE_PERSONAL_SIGN)));

        PkpPermissionCheck.require(permitsAction, ResolvedAuthContext.of(List.of()).withLitAction(CID, "true"));
        assertEquals(LitErrorCode.NodePKPNotAuthorized, assertThrows(LitNodeException.class,
                () -> PkpPermissionCheck.require(permitsAction, wallet())).code());
    }

    @Test
    void require_nothingMatches_refusedWithNodePKPNotAuthorized() {
        Pkp other = pkp(new PkpPermission(1, SessionKeyFixture.STRANGER.address().toLowerHex(), Set.of(1, 2)));

        LitNodeException e = assertThrows(LitNodeException.class, () -> PkpPermissionCheck.require(other, wallet()));

        assertEquals(LitErrorCode.NodePKPNotAuthorized, e.code());
        assertEquals("PKP " + other.ethAddress() + " permits none of [type 1 " + WALLET + "]", e.getMessage());
    }

    @Test
    void require_matchWithoutTheScope_refusedWithNodeAuthSigScopeTooLimited() {
        Pkp limited = pkp(new PkpPermission(1, WALLET.toLowerCase(), Set.of(3)));

        LitNodeException e = assertThrows(LitNodeException.class, () -> PkpPermissionCheck.require(limited, wallet()));

        assertEquals(LitErrorCode.NodeAuthSigScopeTooLimited, e.code());
    }

    @Test
    void require_emptyContext_refusedWithNodePKPNotAuthorized() {
        Pkp any = pkp(new PkpPermission(1, WALLET, Set.of(1, 2)));

        assertEquals(LitErrorCode.NodePKPNotAuthorized, assertThrows(LitNodeException.class,
                () -> PkpPermissionCheck.require(any, ResolvedAuthContext.of(List.of()))).code());
    }

    @Test
    void authorize_unpermittedActionWithoutAuthMethods_refusedWithNodePKPNotAuthorizedBeforeTheActionRuns() {
        // had it run, this action would end the request with NodeJsExecutionError and its log
        String code = "console.log('the action ran'); throw new Error('ran');";
        try (SessionKeyFixture net = SessionKeyFixture.create(); ActionRuntime runtime = SessionKeyFixture.runtime()) {
            SessionKeyAuthorizer authorizer = new SessionKeyAuthorizer(net.registry, runtime, net.clock);

            LitNodeException e = SessionKeyFixture.assertRefused(authorizer, LitErrorCode.NodePKPNotAuthorized,
                    "PkpPermissionCheck", net.actionRequest(code));

            assertFalse(e instanceof ActionException, e::getMessage);
            assertEquals("PKP " + net.pkp.ethAddress() + " permits none of [type 2 "
                    + IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8)) + "]", e.getMessage());
        }
    }

    @Test
    void authorize_actionThePkpDoesNotPermit_runsNothing_whileAPermittedActionOrWalletLetsItRunOnce() {
        try (SessionKeyFixture net = SessionKeyFixture.create(); ActionRuntime runtime = SessionKeyFixture.runtime()) {
            AtomicInteger runs = new AtomicInteger();
            SessionKeyAuthorizer counting = new SessionKeyAuthorizer(net.registry, request -> {
                runs.incrementAndGet();
                return runtime.run(request);
            }, net.clock, LoginLimits.defaults());
            String stranger = "LitActions.setResponse({response: 'true'});";
            SessionKeyRequest scopeless = net.walletRequest(net.walletToken(),
                    Optional.of(SessionKeyFixture.hex0x(net.scopelessPkpKey)),
                    net.sessionSiwe(net.scopelessPkpKey).render());

            SessionKeyFixture.assertRefused(counting, LitErrorCode.NodePKPNotAuthorized, "PkpPermissionCheck",
                    net.actionRequest(stranger));
            SessionKeyFixture.assertRefused(counting, LitErrorCode.NodeAuthSigScopeTooLimited, "PkpPermissionCheck",
                    new SessionKeyRequest(scopeless.sessionKey(), scopeless.authMethods(), scopeless.pkpPublicKey(),
                            scopeless.siweMessage(), Optional.of(stranger), Optional.empty(),
                            JsonValue.JsonObject.empty(), Map.of()));
            assertEquals(0, runs.get(), "an action ran for a request the PKP does not permit");

            counting.authorize(net.actionRequest(SessionKeyFixture.TRUE_ACTION));
            assertEquals(1, runs.get());
            counting.authorize(net.walletAndActionRequest(stranger));
            assertEquals(2, runs.get());
        }
    }

    private static ResolvedAuthContext wallet() {
        return ResolvedAuthContext.of(List.of(new AuthMethodContext(1, WALLET, "lit", Instant.EPOCH)));
    }

    private static Pkp pkp(PkpPermission permission) {
        return Pkp.of(KEY, List.of(permission));
    }
}
