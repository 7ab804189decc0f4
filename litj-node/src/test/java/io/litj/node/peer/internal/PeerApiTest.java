package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.keys.AdminToken;
import io.litj.node.keys.NodeIdentity;
import io.litj.protocol.testing.MutableClock;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer and admin APIs of real nodes (a 3-node network on 127.0.0.1): which envelopes get through the checks,
 * with which code each refusal comes, and how the admin API guards itself. An envelope that passes every check but
 * names no session is answered {@code NodeResourceIdNotFound}: that is the "accepted" outcome here.
 */
class PeerApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final String BODY = "{\"accused\":[],\"view\":\"" + "ab".repeat(32) + "\"}";

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static SessionKeyPair node0;
    private static String token;
    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    static void start() {
        net = NodeNetwork.start(dir, 3, CLOCK);
        node0 = NodeIdentity.loadOrCreate(net.nodeDir(0), new SecureRandom()).identity();
        token = AdminToken.read(dir.resolve(AdminToken.FILE_NAME)).orElseThrow().exportSecret();
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private Envelope envelope(SessionKeyPair key, int from, int to, Clock clock) {
        return Envelope.seal(key, "no-such-session", from, to, DkgBodies.COMPLAINTS, BODY, clock, random);
    }

    private static Reply send(int node, JsonValue json) {
        return net.http().post(net.url(node) + "/litj/peer/v1/dkg", json);
    }

    private static void assertRefused(Reply r, int status, String code, String check) {
        assertEquals(status, r.status(), r::toString);
        assertEquals(code, r.errorCode(), r::toString);
        if (check != null) {
            assertEquals(List.of("check: " + check), r.details(), r::toString);
            assertTrue(r.string("message").startsWith("peer envelope refused by " + check + ": "), r::toString);
        }
    }

    @Test
    void envelope_signedByTheSender_passesEveryCheck() {
        Reply r = send(1, envelope(node0, 0, 1, CLOCK).toJson());

        assertRefused(r, 404, "NodeResourceIdNotFound", null);
        assertTrue(r.string("message").contains("no DKG session no-such-session"), r::toString);
    }

    @Test
    void envelope_signedWithAnotherKey_refusedBySignatureCheck() {
        SessionKeyPair stranger = SessionKeyPair.generate(random);

        assertRefused(send(1, envelope(stranger, 0, 1, CLOCK).toJson()), 403, "NodeNotAuthorized", "SignatureCheck");
    }

    @Test
    void envelope_fromAnUnknownNodeOrFromTheRecipientItself_refusedBySenderCheck() {
        assertRefused(send(1, envelope(node0, 7, 1, CLOCK).toJson()), 403, "NodeNotAuthorized", "SenderCheck");
        assertRefused(send(1, envelope(node0, 1, 1, CLOCK).toJson()), 403, "NodeNotAuthorized", "SenderCheck");
    }

    @Test
    void envelope_addressedToAnotherNode_refusedByRecipientCheck() {
        assertRefused(send(1, envelope(node0, 0, 2, CLOCK).toJson()), 403, "NodeNotAuthorized", "RecipientCheck");
    }

    @Test
    void envelope_bodyChangedAfterSigning_refusedBySignatureCheck() {
        Envelope e = envelope(node0, 0, 1, CLOCK);
        Envelope tampered = new Envelope(e.session(), e.from(), e.to(), e.kind(), e.timestamp(), e.nonce(),
                e.body().replace("[]", "[2]"), e.sig());

        assertRefused(send(1, tampered.toJson()), 403, "NodeNotAuthorized", "SignatureCheck");
    }

    @Test
    void envelope_signatureOfOneMoreByte_refusedBySignatureCheck() {
        Envelope e = envelope(node0, 0, 1, CLOCK);
        byte[] sig = e.sig().toByteArray();
        sig[10] ^= 1;
        Envelope bad = new Envelope(e.session(), e.from(), e.to(), e.kind(), e.timestamp(), e.nonce(), e.body(),
                Bytes.of(sig));

        assertRefused(send(1, bad.toJson()), 403, "NodeNotAuthorized", "SignatureCheck");
    }

    @Test
    void envelope_atTheFreshnessBoundary_acceptedAndOneMillisecondBeyond_refusedByFreshnessCheck() {
        Clock edge = Clock.offset(CLOCK, Duration.ofMillis(-EnvelopeVerifier.MAX_SKEW_MILLIS));
        Clock stale = Clock.offset(CLOCK, Duration.ofMillis(-EnvelopeVerifier.MAX_SKEW_MILLIS - 1));
        Clock future = Clock.offset(CLOCK, Duration.ofMillis(EnvelopeVerifier.MAX_SKEW_MILLIS + 1));

        assertRefused(send(1, envelope(node0, 0, 1, edge).toJson()), 404, "NodeResourceIdNotFound", null);
        assertRefused(send(1, envelope(node0, 0, 1, stale).toJson()), 403, "NodeIatOutsideGracePeriod",
                "FreshnessCheck");
        assertRefused(send(1, envelope(node0, 0, 1, future).toJson()), 403, "NodeIatOutsideGracePeriod",
                "FreshnessCheck");
    }

    @Test
    void envelope_sentTwice_secondRefusedByReplayCheck() {
        JsonValue.JsonObject once = envelope(node0, 0, 1, CLOCK).toJson();

        assertRefused(send(1, once), 404, "NodeResourceIdNotFound", null);
        assertRefused(send(1, once), 403, "NodeNotAuthorized", "ReplayCheck");
    }

    @Test
    void envelope_withoutSignatureOrWithAnUnknownField_refusedByShapeCheck() {
        Map<String, JsonValue> members = new LinkedHashMap<>(envelope(node0, 0, 1, CLOCK).toJson().members());
        members.remove("sig");
        assertRefused(send(1, new JsonValue.JsonObject(members)), 422, "NodeBadInput", "ShapeCheck");
        members.put("sig", new JsonValue.JsonString("00".repeat(64)));
        members.put("extra", new JsonValue.JsonString("x"));
        assertRefused(send(1, new JsonValue.JsonObject(members)), 422, "NodeBadInput", "ShapeCheck");
    }

    @Test
    void adminDkg_withoutOrWithAWrongToken_refusedWithNodeNotAuthorized() {
        JsonValue start = JsonValue.object().put("session", "x").put("purpose", "pkp")
                .put("threshold", new JsonValue.JsonNumber(2)).build();
        String url = net.url(0) + "/litj/admin/v1/dkg";

        Reply none = net.http().post(url, start);
        Reply wrong = net.http().post(url, start, "Authorization", "Bearer " + "0".repeat(64));
        Reply list = net.http().get(net.url(0) + "/litj/admin/v1/dkg/status");

        assertRefused(none, 403, "NodeNotAuthorized", null);
        assertRefused(wrong, 403, "NodeNotAuthorized", null);
        assertRefused(list, 403, "NodeNotAuthorized", null);
    }

    @Test
    void adminDkg_badRequests_refusedWithTheirCodes() {
        String url = net.url(0) + "/litj/admin/v1/dkg";
        String auth = "Bearer " + token;

        Reply purpose = net.http().post(url, "{\"session\":\"a\",\"purpose\":\"rsa\",\"threshold\":2}",
                "Authorization", auth);
        Reply session = net.http().post(url, "{\"session\":\"a b\",\"purpose\":\"pkp\",\"threshold\":2}",
                "Authorization", auth);
        Reply again = net.http().post(url, "{\"session\":\"n\",\"purpose\":\"network-bls\",\"threshold\":2}",
                "Authorization", auth);
        Reply tooHigh = net.http().post(url, "{\"session\":\"t\",\"purpose\":\"pkp\",\"threshold\":4}",
                "Authorization", auth);
        Reply unknown = net.http().post(url + "/status", "{\"session\":\"nothing\"}", "Authorization", auth);

        assertRefused(purpose, 422, "NodeBadInput", null);
        assertRefused(session, 422, "NodeBadInput", null);
        assertRefused(again, 400, "invalid_argument_exception", null);
        assertTrue(again.string("message").contains("already holds the network key share of epoch 1"), again::toString);
        assertRefused(tooHigh, 400, "invalid_argument_exception", null);
        assertRefused(unknown, 404, "NodeResourceIdNotFound", null);
    }

    @Test
    void adminStatus_afterTheNetworkDkg_listsOneDoneSessionWithTheHandshakeKey() {
        Reply list = net.http().get(net.url(2) + "/litj/admin/v1/dkg/status", "Authorization", "Bearer " + token);
        Reply handshake = net.http().post(net.url(2) + "/web/handshake", "{\"clientPublicKey\":\"test\"}");

        assertEquals(200, list.status(), list::toString);
        List<JsonValue> sessions = ((JsonValue.JsonArray) list.member("sessions")).items();
        assertEquals(1, sessions.size(), list::toString);
        JsonValue.JsonObject s = (JsonValue.JsonObject) sessions.getFirst();
        assertEquals(new JsonValue.JsonString("done"), s.get("state").orElseThrow());
        assertEquals(new JsonValue.JsonString("network-bls"), s.get("purpose").orElseThrow());
        assertEquals(new JsonValue.JsonNumber(3), s.get("party").orElseThrow());
        assertEquals(s.get("publicKey").orElseThrow(), new JsonValue.JsonString(handshake.string("networkPublicKey")));
    }
}
