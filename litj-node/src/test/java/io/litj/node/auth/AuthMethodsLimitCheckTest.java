package io.litj.node.auth;

import static io.litj.node.auth.SessionKeyFixture.SESSION_KEY;
import static io.litj.node.auth.SessionKeyFixture.WALLET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthMethodsLimitCheck} (issue 8, bounded work): at most four {@code authMethods}, none twice, counted before
 * any of them is verified.
 */
class AuthMethodsLimitCheckTest extends SharedAuthorizer {
    @Test
    void authorize_fourDistinctLogins_grantedWithAllFour() {
        SessionKeyGrant grant = authorizer.authorize(net.walletRequest(SESSION_KEY, logins(4)));

        assertEquals(4, grant.authContext().authMethodContexts().size());
    }

    @Test
    void authorize_fiveDistinctLogins_refusedWithNodeBadInputNamingTheLimit() {
        LitNodeException e = refused(net.walletRequest(SESSION_KEY, logins(5)));

        assertEquals("authMethods has 5 entries (limit 4)", e.getMessage());
    }

    @Test
    void authorize_fiveUnverifiableTokens_refusedByTheCountBeforeAnyIsVerified() {
        // verified one by one, the first would be NodeInvalidAuthSig in AuthMethodsCheck
        refused(net.walletRequest(SESSION_KEY, List.of("a", "b", "c", "d", "e")));
    }

    @Test
    void authorize_sameAuthMethodTwice_refusedWithNodeBadInputNamingBothIndexes() {
        List<String> tokens = logins(2);

        LitNodeException e = refused(net.walletRequest(SESSION_KEY, List.of(tokens.get(0), tokens.get(1),
                tokens.get(0))));

        assertEquals("authMethods[2] repeats authMethods[0] (same authMethodType and accessToken)", e.getMessage());
        refused(net.walletRequest(SESSION_KEY, List.of("x", "x")));
    }

    /** {@code n} different logins of the test wallet (Issued At one second apart). */
    private static List<String> logins(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                    .issuedAt(SessionKeyFixture.NOW.minusSeconds(i)).build()));
        }
        return out;
    }

    private static LitNodeException refused(SessionKeyRequest request) {
        return SessionKeyFixture.assertRefused(authorizer, LitErrorCode.NodeBadInput, "AuthMethodsLimitCheck",
                request);
    }
}
