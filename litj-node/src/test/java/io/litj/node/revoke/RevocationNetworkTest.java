package io.litj.node.revoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.SignedRevocation;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /web/revoke} on a running 3-node network (docs/revocation.md): a revocation sent to one node is
 * shared with the others, and every node then refuses the session with {@code NodeSessionRevoked} — also one
 * restarted afterwards and one that was down when it happened; a wrong signer, a malformed body and a revocation of
 * another grant change nothing. Each test uses its own grant (its own expiration), so tests do not see each other's
 * revocations.
 */
class RevocationNetworkTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final String CODE = "LitActions.setResponse({response: 'ran'});";
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final AtomicInteger MINUTES = new AtomicInteger(60);

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static LiveSessions sessions;

    @BeforeAll
    static void startNetwork() {
        net = NodeNetwork.start(dir, 3, CLOCK);
        sessions = new LiveSessions(CLOCK);
    }

    @AfterAll
    static void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    /** A grant of its own (a distinct expiration) and session sigs for every node under it. */
    private record Session(AuthSig grant, SessionSigs sigs) {
    }

    private static Session newSession() {
        Instant expiration = START.plus(Duration.ofMinutes(MINUTES.incrementAndGet()));
        AuthSig grant = sessions.grant(LiveSessions.execution("*"), expiration);
        SessionSigs sigs = new SessionSigIssuer(CLOCK).issue(sessions.key(), LiveSessions.execution("*"),
                List.of(grant), expiration, net.urls());
        return new Session(grant, sigs);
    }

    private static Reply execute(int node, Session s) {
        return net.http().post(net.url(node) + "/web/execute/v1", ExecuteBodies.code(CODE,
                JsonValue.JsonObject.empty(), s.sigs().forNode(net.url(node)).orElseThrow().toAuthSig()));
    }

    private static Reply revoke(int node, SignedRevocation r) {
        return net.http().post(net.url(node) + "/web/revoke", r.toJson());
    }

    private static SignedRevocation revocationOf(Session s) {
        return SignedRevocation.sign(s.grant().signedMessage(), Optional.empty(), sessions.wallet(), CLOCK.instant());
    }

    private static void assertRuns(int node, Session s) {
        Reply r = execute(node, s);
        assertEquals(200, r.status(), () -> "node " + node + ": " + r);
        assertEquals("ran", r.string("response"));
    }

    private static void assertRevoked(int node, Session s, SignedRevocation revocation) {
        Reply r = execute(node, s);
        assertEquals(LitErrorCode.NodeSessionRevoked.httpStatus(), r.status(), () -> "node " + node + ": " + r);
        assertEquals(LitErrorCode.NodeSessionRevoked.wireName(), r.errorCode(), () -> "node " + node + ": " + r);
        String digest = SignedRevocation.parse(io.litj.protocol.json.JsJson.stringify(revocation.toJson()))
                .verify(CLOCK.instant()).grantDigest().hex0x();
        assertTrue(r.string("message").contains("revoked") && r.string("message").contains(digest),
                () -> "node " + node + ": " + r);
    }

    @Test
    void revocationSentToOneNode_isRefusedOnEveryNode_withItsCodeAndName() {
        Session s = newSession();
        for (int node = 0; node < 3; node++) {
            assertRuns(node, s);
        }
        SignedRevocation revocation = revocationOf(s);
        Reply r = revoke(0, revocation);
        assertEquals(200, r.status(), r::toString);
        assertEquals(new JsonValue.JsonBoolean(true), r.member("new"));
        assertEquals(sessions.wallet().address().toChecksumString(), r.string("granter"));
        for (int node = 0; node < 3; node++) {
            assertRevoked(node, s, revocation);
        }
        Reply again = revoke(1, revocation);
        assertEquals(200, again.status(), again::toString);
        assertEquals(new JsonValue.JsonBoolean(false), again.member("new"), "node 1 had it from node 0 already");
    }

    @Test
    void revocationSignedBySomeoneElse_isRefusedWithNotGranter_andTheSessionStillRuns() {
        Session s = newSession();
        SignedRevocation good = revocationOf(s);
        SignedRevocation forged = new SignedRevocation(good.grant(), good.revocation(),
                TestSessions.OTHER_WALLET.signPersonalMessage(good.revocation()).toHex());
        Reply r = revoke(0, forged);
        assertEquals(403, r.status(), r::toString);
        assertEquals(LitErrorCode.NodeRevocationNotGranter.wireName(), r.errorCode());
        for (int node = 0; node < 3; node++) {
            assertRuns(node, s);
        }
    }

    @Test
    void malformedRevocations_areRefusedWithTheirCode_andTheNodeKeepsServing() {
        Session s = newSession();
        SignedRevocation good = revocationOf(s);
        Reply unknownField = net.http().post(net.url(1) + "/web/revoke", "{\"grant\":\"g\",\"revocation\":\"r\","
                + "\"sig\":\"s\",\"extra\":1}");
        assertEquals(LitErrorCode.NodeRevocationInvalid.wireName(), unknownField.errorCode(), unknownField::toString);
        Reply notJson = net.http().post(net.url(1) + "/web/revoke", "not json");
        assertEquals(LitErrorCode.NodeBadInput.wireName(), notJson.errorCode(), notJson::toString);
        Reply badText = revoke(1, new SignedRevocation(good.grant(), good.revocation().replace("v1", "v9"),
                good.sig()));
        assertEquals(400, badText.status());
        assertEquals(LitErrorCode.NodeRevocationInvalid.wireName(), badText.errorCode(), badText::toString);
        Reply tooLarge = net.http().post(net.url(1) + "/web/revoke", "{\"grant\":\"" + "a".repeat(70_000) + "\"}");
        assertEquals(LitErrorCode.NodePayloadTooLarge.wireName(), tooLarge.errorCode(), tooLarge::toString);
        assertRuns(1, s);
    }

    @Test
    void revocationOfAnotherGrant_changesNothingForThisSession() {
        Session kept = newSession();
        Session revoked = newSession();
        SignedRevocation revocation = revocationOf(revoked);
        assertEquals(200, revoke(2, revocation).status());
        for (int node = 0; node < 3; node++) {
            assertRuns(node, kept);
            assertRevoked(node, revoked, revocation);
        }
    }

    @Test
    void nodeRestartedAfterTheRevocation_stillRefuses() {
        Session s = newSession();
        SignedRevocation revocation = revocationOf(s);
        assertEquals(200, revoke(0, revocation).status());
        net.stopNode(1);
        net.startNode(1);
        assertRevoked(1, s, revocation);
    }

    @Test
    void nodeThatWasDownWhenRevoked_learnsItWhenItRejoins() {
        Session s = newSession();
        net.stopNode(2);
        SignedRevocation revocation = revocationOf(s);
        try {
            assertEquals(200, revoke(0, revocation).status());
        } finally {
            net.startNode(2);
        }
        assertRevoked(2, s, revocation);
    }
}
