package io.litj.node.peer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.node.keys.X25519KeyPair;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.SeededRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DKG shares sealed to one node: only that node, for that sender and session, opens them. */
class ShareCipherTest {
    private static final byte[][] SEEDS = {seed(1), seed(2), seed(3)};
    private static final NodeEntry[] NODES = new NodeEntry[3];
    private static final ShareCipher[] CIPHERS = new ShareCipher[3];

    static {
        for (int i = 0; i < 3; i++) {
            NODES[i] = new NodeEntry(i, "127.0.0.1", 7470 + i, "0x" + "0".repeat(39) + i,
                    SessionKeyPair.fromSeed(SEEDS[i]).publicKeyHex());
            CIPHERS[i] = new ShareCipher(X25519KeyPair.fromEd25519Seed(SEEDS[i]), new SeededRandom(i));
        }
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        s[31] = 0x42;
        return s;
    }

    private static Share share(int index) {
        return Share.of(index, SecretScalar.random(Group.SECP256K1, new SeededRandom(100 + index)));
    }

    @Test
    void open_byTheRecipient_givesTheSealedShare() {
        Share sent = share(3);
        JsonValue.JsonObject sealed = CIPHERS[0].seal("s1", NODES[0], NODES[2], sent);

        Share got = CIPHERS[2].open("s1", NODES[0], NODES[2], sealed, Group.SECP256K1, 3);

        assertTrue(got.sameSecretAs(sent));
        assertFalse(JsJson.stringify(sealed).contains(Hex.encode(sent.value().exportSecret())));
    }

    @Test
    void open_byAnotherNodeOrForAnotherSenderOrSession_refusedWithNodeBadInput() {
        JsonValue.JsonObject sealed = CIPHERS[0].seal("s1", NODES[0], NODES[2], share(3));

        LitNodeException otherRecipient = assertThrows(LitNodeException.class,
                () -> CIPHERS[1].open("s1", NODES[0], NODES[2], sealed, Group.SECP256K1, 3));
        LitNodeException otherSender = assertThrows(LitNodeException.class,
                () -> CIPHERS[2].open("s1", NODES[1], NODES[2], sealed, Group.SECP256K1, 3));
        LitNodeException otherSession = assertThrows(LitNodeException.class,
                () -> CIPHERS[2].open("s2", NODES[0], NODES[2], sealed, Group.SECP256K1, 3));

        assertEquals(LitErrorCode.NodeBadInput, otherRecipient.code());
        assertEquals(LitErrorCode.NodeBadInput, otherSender.code());
        assertEquals(LitErrorCode.NodeBadInput, otherSession.code());
        assertTrue(otherSender.getMessage().contains("does not decrypt"), otherSender.getMessage());
    }

    @Test
    void open_oneCiphertextBitFlipped_refusedWithNodeBadInput() {
        JsonValue.JsonObject sealed = CIPHERS[0].seal("s1", NODES[0], NODES[1], share(2));
        String ct = ((JsonValue.JsonString) sealed.get("ct").orElseThrow()).value();
        String flipped = (ct.charAt(0) == '0' ? '1' : '0') + ct.substring(1);
        Map<String, JsonValue> members = new LinkedHashMap<>(sealed.members());
        members.put("ct", new JsonValue.JsonString(flipped));

        LitNodeException e = assertThrows(LitNodeException.class, () -> CIPHERS[1].open("s1", NODES[0], NODES[1],
                new JsonValue.JsonObject(members), Group.SECP256K1, 2));

        assertEquals(LitErrorCode.NodeBadInput, e.code());
    }
}
