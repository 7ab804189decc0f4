package io.litj.node.auth;

import static io.litj.node.auth.SessionKeyFixture.SESSION_KEY;
import static io.litj.node.auth.SessionKeyFixture.WALLET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoginReplayCheck} (issue 8, logins that cannot be replayed): a node accepts one EthWallet login for one
 * session key; the same key again is an idempotent retry; the login is remembered as long as it could be accepted,
 * so that no instant admits a replay. Each test has its own authorizer (a node's memory) and clock.
 */
class LoginReplayCheckTest {
    private static final SessionKeyPair OTHER_KEY = TestSessions.OTHER_SESSION_KEY;
    private static final Instant NOW = SessionKeyFixture.NOW;

    private static SessionKeyFixture net;
    private static ActionRuntime runtime;
    private SessionKeyAuthorizer authorizer;

    @BeforeAll
    static void network() {
        net = SessionKeyFixture.create();
        runtime = SessionKeyFixture.runtime();
    }

    @AfterAll
    static void close() {
        runtime.close();
        net.close();
    }

    @BeforeEach
    void freshNode() {
        net.clock.set(NOW);
        authorizer = new SessionKeyAuthorizer(net.registry, runtime, net.clock);
    }

    @Test
    void authorize_sameLoginForTheSameSessionKeyAgain_grantedEachTime() {
        String login = net.walletToken();

        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));
        net.clock.advance(Duration.ofMinutes(5));
        SessionKeyGrant retry = authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));

        assertEquals(1, retry.authContext().authMethodContexts().size());
    }

    @Test
    void authorize_sameLoginForAnotherSessionKey_refusedWithNodeInvalidAuthSig() {
        String login = net.walletToken();
        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));

        LitNodeException e = replayRefused(net.walletRequest(OTHER_KEY, List.of(login)));

        assertEquals("authMethods[0] login of " + WALLET.address() + " (nonce " + net.block.hash() + ") was "
                + "accepted for session key " + SESSION_KEY.uri() + "; a login serves one session key: sign a new "
                + "login for " + OTHER_KEY.uri(), e.getMessage());
        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));
    }

    @Test
    void authorize_sameLoginWithItsSignatureWrittenDifferently_stillTheSameLogin() {
        String login = net.walletToken();
        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));
        AuthSig parsed = AuthSig.parse(login, LitErrorCode.NodeBadInput);
        EthSignature sig = EthSignature.parse(parsed.sig(), "sig");
        byte[] raw = sig.toBytes();
        raw[64] = (byte) sig.recoveryId();

        for (String variant : List.of(Hex.encode(sig.toBytes()), "0x" + Hex.encode(raw),
                "0x" + Hex.encode(sig.toBytes()).toUpperCase(Locale.ROOT))) {
            String token = AuthSig.of(variant, parsed.derivedVia(), parsed.signedMessage(), parsed.address(),
                    Optional.empty()).toJsonString();
            replayRefused(net.walletRequest(OTHER_KEY, List.of(token)));
        }
    }

    @Test
    void authorize_replayUntilTheLoginIsTooOld_refusedAtEveryInstantByOneCheckOrTheOther() {
        String login = net.walletToken(); // issued at NOW, expires a day later: too old after 10 minutes
        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));

        net.clock.set(NOW.plus(Duration.ofMinutes(10)));
        replayRefused(net.walletRequest(OTHER_KEY, List.of(login)));
        net.clock.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(1));
        SessionKeyFixture.assertRefused(authorizer, LitErrorCode.NodeIatOutsideGracePeriod, "AuthMethodsCheck",
                net.walletRequest(OTHER_KEY, List.of(login)));
    }

    @Test
    void authorize_replayUntilTheLoginExpires_refusedAtEveryInstantByOneCheckOrTheOther() {
        String login = SessionKeyFixture.accessToken(WALLET, net.walletLogin()
                .expiration(NOW.plus(Duration.ofMinutes(2))).build()); // accepted until 60 s after it expires
        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(login)));

        net.clock.set(NOW.plus(Duration.ofMinutes(3)));
        replayRefused(net.walletRequest(OTHER_KEY, List.of(login)));
        net.clock.set(NOW.plus(Duration.ofMinutes(3)).plusSeconds(1));
        SessionKeyFixture.assertRefused(authorizer, LitErrorCode.NodeExpWrongOrTooLarge, "AuthMethodsCheck",
                net.walletRequest(OTHER_KEY, List.of(login)));
    }

    @Test
    void authorize_freshLoginBesideAReplayedOne_refusedAndTheFreshOneStaysFree() {
        String used = net.walletToken();
        String fresh = SessionKeyFixture.accessToken(WALLET, net.walletLogin().issuedAt(NOW.minusSeconds(1)).build());
        authorizer.authorize(net.walletRequest(SESSION_KEY, List.of(used)));

        replayRefused(net.walletRequest(OTHER_KEY, List.of(fresh, used)));

        authorizer.authorize(net.walletRequest(SessionKeyPair.fromSeed(Hex.decode("0a".repeat(32), "seed")),
                List.of(fresh)));
    }

    @Test
    void authorize_nodeRememberingItsLimitOfLogins_refusesANewOneWithNodeConcurrencyOverloadUntilTheOldestEnds() {
        SessionKeyAuthorizer small = new SessionKeyAuthorizer(net.registry, runtime, net.clock,
                LoginLimits.defaults().withMaxRememberedLogins(1));
        String first = net.walletToken();
        String second = SessionKeyFixture.accessToken(WALLET, net.walletLogin().issuedAt(NOW.plusSeconds(1)).build());
        small.authorize(net.walletRequest(SESSION_KEY, List.of(first)));

        SessionKeyFixture.assertRefused(small, LitErrorCode.NodeConcurrencyOverload, "LoginReplayCheck",
                net.walletRequest(OTHER_KEY, List.of(second)));
        small.authorize(net.walletRequest(SESSION_KEY, List.of(first)));
        net.clock.set(NOW.plus(Duration.ofMinutes(10)));
        SessionKeyFixture.assertRefused(small, LitErrorCode.NodeConcurrencyOverload, "LoginReplayCheck",
                net.walletRequest(OTHER_KEY, List.of(second)));

        net.clock.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(1));
        small.authorize(net.walletRequest(OTHER_KEY, List.of(second)));
    }

    private LitNodeException replayRefused(SessionKeyRequest request) {
        return SessionKeyFixture.assertRefused(authorizer, LitErrorCode.NodeInvalidAuthSig, "LoginReplayCheck",
                request);
    }
}
