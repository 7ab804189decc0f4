package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link PkpPermissionCheck}: a matching permission with scope 2 or 1, else the two refusal codes. */
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

    private static ResolvedAuthContext wallet() {
        return ResolvedAuthContext.of(List.of(new AuthMethodContext(1, WALLET, "lit", Instant.EPOCH)));
    }

    private static Pkp pkp(PkpPermission permission) {
        return Pkp.of(KEY, List.of(permission));
    }
}
