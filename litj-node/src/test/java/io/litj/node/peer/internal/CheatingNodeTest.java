package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.NodeConfig;
import io.litj.node.http.internal.HttpBridge;
import io.litj.node.http.internal.NodeListener;
import io.litj.node.keys.KeyShareStore;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.keys.PkpKeyShare;
import io.litj.node.registry.NodeEntry;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-node network (t = 2) whose node 2 is replaced by a cheating one: same identity, port and data folder, but its
 * DKG party deals wrong shares (value + 1) to chosen victims. The honest nodes detect it over the peer API: a wrong
 * share to every other node gets the dealer disqualified and the others still agree on a key; a wrong share to one
 * node, answered by revealing the right one, is dismissed.
 */
class CheatingNodeTest {
    private static final int CHEATER = 2;

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static PeerService cheater;
    private static NodeListener cheaterServer;
    private static volatile Set<Integer> victims = Set.of();

    @BeforeAll
    static void start() {
        net = NodeNetwork.start(dir, 3, Clock.systemUTC());
        net.stopNode(CHEATER);
        NodeConfig nodeConfig = net.nodeConfig(CHEATER, NodeConfig.DEFAULT_MAX_BODY_BYTES);
        NodeEntry entry = net.registry().nodes().get(CHEATER);
        cheater = new PeerService(entry, NodeIdentity.loadOrCreate(net.nodeDir(CHEATER), new SecureRandom()),
                net.registry(), KeyShareStore.open(net.nodeDir(CHEATER)), new SecureRandom(), Clock.systemUTC(),
                nodeConfig, (recipient, honest) -> victims.contains(recipient) ? plusOne(honest) : honest);
        HttpBridge http = new HttpBridge(nodeConfig, e -> JsonValue.JsonObject.empty());
        cheaterServer = NodeListener.start(entry.host(), entry.port(), Optional.empty(), nodeConfig, http, r -> {
            cheater.register(r, http);
            r.any(http.notFound());
        });
    }

    @AfterAll
    static void stop() {
        try {
            if (cheaterServer != null) {
                cheaterServer.close();
            }
            if (cheater != null) {
                cheater.close();
            }
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    private static Share plusOne(Share s) {
        BigInteger v = new BigInteger(1, s.value().exportSecret()).add(BigInteger.ONE).mod(s.group().order());
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return Share.of(s.index(), SecretScalar.of(s.group(), out));
    }

    /** Runs a PKP DKG on all three nodes and returns each node's final status. */
    private static List<JsonValue.JsonObject> runPkpDkg(String session) {
        return net.dkg(session, "pkp", 2);
    }

    private static String str(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + o)))
                .value();
    }

    private static PkpKeyShare share(int node, String tokenId) {
        return KeyShareStore.open(net.nodeDir(node)).pkpShare(tokenId).orElseThrow();
    }

    @Test
    void dkg_cheaterSendsWrongSharesToEveryone_isDisqualifiedAndTheOthersAgree() {
        victims = Set.of(1, 2);

        List<JsonValue.JsonObject> statuses = runPkpDkg("cheat-everyone");

        String key = str(statuses.getFirst(), "publicKey");
        for (JsonValue.JsonObject s : statuses) {
            assertEquals("done", str(s, "state"), s::toString);
            assertEquals(key, str(s, "publicKey"));
            assertEquals(new JsonValue.JsonArray(List.of(new JsonValue.JsonNumber(1), new JsonValue.JsonNumber(2))),
                    s.get("qualified").orElseThrow(), s::toString);
            JsonValue.JsonObject disqualified = (JsonValue.JsonObject) s.get("disqualified").orElseThrow();
            assertEquals(Set.of("3"), disqualified.members().keySet(), s::toString);
            assertTrue(str(disqualified, "3").startsWith("accused by 2 parties"), s::toString);
        }
        String tokenId = str(statuses.getFirst(), "tokenId");
        PkpKeyShare a = share(0, tokenId);
        PkpKeyShare b = share(1, tokenId);
        assertDoesNotThrow(() -> a.commitments().verify(a.share()));
        assertDoesNotThrow(() -> b.commitments().verify(b.share()));
        assertEquals(a.commitments().publicKey(), Shamir.reconstruct(List.of(a.share(), b.share())).publicKey());
    }

    @Test
    void dkg_cheaterSendsOneWrongShareButRevealsTheRightOne_complaintIsDismissed() {
        victims = Set.of(1);

        List<JsonValue.JsonObject> statuses = runPkpDkg("cheat-once");

        String key = str(statuses.getFirst(), "publicKey");
        for (JsonValue.JsonObject s : statuses) {
            assertEquals("done", str(s, "state"), s::toString);
            assertEquals(key, str(s, "publicKey"));
            assertEquals(JsonValue.JsonObject.empty(), s.get("disqualified").orElseThrow(), s::toString);
        }
        String tokenId = str(statuses.getFirst(), "tokenId");
        PkpKeyShare victim = share(0, tokenId);
        assertDoesNotThrow(() -> victim.commitments().verify(victim.share()), "the victim uses the revealed share");
        assertEquals(victim.commitments().publicKey(), Shamir.reconstruct(List.of(victim.share(),
                share(CHEATER, tokenId).share())).publicKey());
    }
}
